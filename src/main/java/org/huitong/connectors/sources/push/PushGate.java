package org.huitong.connectors.sources.push;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether a connector takes pushes: it must exist, use the {@code http-push} template,
 * and have a started route. Pushes to connectors that resume by themselves or after a short wait
 * are rejected with 503 and Retry-After, and those to connectors that need a person with 409.
 *
 * <table>
 *   <caption>Refusals by state</caption>
 *   <tr><td>unknown, or another template</td><td>404</td></tr>
 *   <tr><td>INVALID, FAILED, STOPPED</td><td>409</td></tr>
 *   <tr><td>PAUSED</td><td>503, Retry-After 60</td></tr>
 *   <tr><td>CREATED, STARTING (route being built)</td><td>503, Retry-After 5</td></tr>
 * </table>
 */
@Component
class PushGate {

    static final int RETRY_AFTER_PAUSED_SECONDS = 60;
    static final int RETRY_AFTER_STARTING_SECONDS = 5;

    private static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

    private final ConnectorRegistry registry;
    private final ConnectorRuntime runtime;
    private final ConnectorSecrets secrets;
    private final SourceTemplates templates;

    PushGate(ConnectorRegistry registry, ConnectorRuntime runtime, ConnectorSecrets secrets,
             SourceTemplates templates) {
        this.registry = registry;
        this.runtime = runtime;
        this.secrets = secrets;
        this.templates = templates;
    }

    /**
     * Returns the descriptor of a push connector.
     *
     * @throws PushRejectedException 404 if there is none with this id, 409 if its descriptor is invalid
     */
    ConnectorDescriptor pushConnector(String connectorId) {
        if (!connectorId.matches(ID_PATTERN)) {
            throw new PushRejectedException(HttpStatus.NOT_FOUND, "push.connector-unknown", "-");
        }
        ConnectorEntry entry = registry.entry(connectorId).orElseThrow(() ->
                new PushRejectedException(HttpStatus.NOT_FOUND, "push.connector-unknown", connectorId));
        if (!entry.valid()) {
            throw new PushRejectedException(HttpStatus.CONFLICT, "push.connector-invalid", connectorId);
        }
        ConnectorDescriptor descriptor = entry.descriptor();
        if (!HttpPushSource.TEMPLATE.equals(descriptor.source().template())) {
            throw new PushRejectedException(HttpStatus.NOT_FOUND, "push.connector-not-push", connectorId,
                    descriptor.source().template());
        }
        return descriptor;
    }

    /**
     * Returns the connector's settings with its secret resolved.
     *
     * @throws PushRejectedException 409 if the route could not be built, for example because the
     *     secret's environment variable is not set
     */
    PushSettings settings(ConnectorDescriptor descriptor) {
        String id = descriptor.id();
        if (runtime.failure(id).isPresent()) {
            throw new PushRejectedException(HttpStatus.CONFLICT, "push.connector-failed", id);
        }
        SourceTemplate template = templates.find(HttpPushSource.TEMPLATE).orElseThrow(() ->
                new IllegalStateException("Template " + HttpPushSource.TEMPLATE + " is not loaded"));
        Map<String, String> parameters = new LinkedHashMap<>(template.defaults());
        try {
            parameters.putAll(secrets.resolved(descriptor));
            return PushSettings.from(id, parameters);
        } catch (IllegalStateException e) {
            throw new PushRejectedException(HttpStatus.CONFLICT, "push.connector-failed", id);
        }
    }

    /** Rejects the push unless the connector's route is started. */
    void requireStarted(String connectorId) {
        ServiceStatus status = runtime.started() ? runtime.routeStatus(connectorId) : null;
        if (status == ServiceStatus.Started) {
            return;
        }
        if (status == ServiceStatus.Suspending || status == ServiceStatus.Suspended) {
            throw paused(connectorId);
        }
        if (status == null || status.isInitializing() || status.isInitialized() || status.isStarting()) {
            throw new PushRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "push.connector-starting", connectorId)
                    .retryAfter(RETRY_AFTER_STARTING_SECONDS);
        }
        throw new PushRejectedException(HttpStatus.CONFLICT, "push.connector-stopped", connectorId);
    }

    static PushRejectedException paused(String connectorId) {
        return new PushRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "push.connector-paused", connectorId)
                .retryAfter(RETRY_AFTER_PAUSED_SECONDS);
    }
}
