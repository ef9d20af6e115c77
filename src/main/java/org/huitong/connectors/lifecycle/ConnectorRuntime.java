package org.huitong.connectors.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.ScheduledPollConsumer;
import org.huitong.connectors.ConnectorChanged;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorProperties;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.SourceSupports;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs one Camel route per valid connector, made from its source template, and carries out
 * lifecycle actions on it. A changed descriptor rebuilds only that connector's route: the old
 * route is stopped gracefully, so a file being processed finishes first, and the new route then
 * starts in the state the connector was asked to be in.
 *
 * <p>Each route polls on its own single-thread executor, so a "run now" poll queues behind a
 * running poll instead of overlapping it.
 */
@Component
public class ConnectorRuntime implements CamelContextConfiguration {

    /** Route ids are this prefix followed by the connector id. */
    public static final String ROUTE_PREFIX = "connector-";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);

    /**
     * The reason a connector's route could not be built or started.
     *
     * @param message the error, which never contains a secret parameter's value because those
     *     are only passed to Camel, not formatted into messages
     */
    public record RouteFailure(String message, Instant at) {
    }

    private final ConnectorRegistry registry;
    private final SourceTemplates templates;
    private final ConnectorSecrets secrets;
    private final ConnectorProperties properties;
    private final JdbcLifecycleStore store;
    private final PollHealth health;
    private final SourceSupports supports;
    private final Duration stopTimeout;
    private final Map<String, RouteFailure> failures = new ConcurrentHashMap<>();
    private final Map<String, ScheduledExecutorService> pollers = new ConcurrentHashMap<>();
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    private final java.util.Set<String> building = ConcurrentHashMap.newKeySet();
    private volatile CamelContext camel;
    private volatile boolean routesBuilt;

    public ConnectorRuntime(ConnectorRegistry registry, SourceTemplates templates, ConnectorSecrets secrets,
                            ConnectorProperties properties, JdbcLifecycleStore store, PollHealth health,
                            SourceSupports supports,
                            @Value("${huitong.connectors.stop-timeout:PT60S}") Duration stopTimeout) {
        this.supports = supports;
        this.registry = registry;
        this.templates = templates;
        this.secrets = secrets;
        this.properties = properties;
        this.store = store;
        this.health = health;
        this.stopTimeout = stopTimeout;
    }

    /** Returns the Camel route id of a connector. */
    public static String routeId(String connectorId) {
        return ROUTE_PREFIX + connectorId;
    }

    /** Returns the inbox folder of a connector. */
    public Path inbox(String connectorId) {
        return properties.inboxRoot().resolve(connectorId);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // Templates are loaded while the context starts; routes are added after.
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        Map<String, JdbcLifecycleStore.Control> controls = store.controls();
        synchronized (this) {
            this.camel = camelContext;
            for (ConnectorEntry entry : registry.entries()) {
                if (entry.valid()) {
                    build(entry.descriptor(), desired(controls, entry.id()));
                }
            }
            routesBuilt = true;
        }
    }

    /** Rebuilds the route of a connector whose descriptor was added, changed or removed. */
    @EventListener
    public synchronized void onChange(ConnectorChanged change) {
        if (camel == null) {
            return;
        }
        String id = change.id();
        remove(id);
        if (change.after() == null) {
            store.clearDesiredState(id);
        } else if (change.after().valid()) {
            build(change.after().descriptor(), desired(store.controls(), id));
        }
    }

    public Optional<RouteFailure> failure(String connectorId) {
        return Optional.ofNullable(failures.get(connectorId));
    }

    /** Returns when the connector's current route started, or empty if it has none. */
    public Optional<Instant> startedAt(String connectorId) {
        return Optional.ofNullable(startedAt.get(connectorId));
    }

    /** Returns the status of the connector's route, or {@code null} if it has none. */
    public ServiceStatus routeStatus(String connectorId) {
        CamelContext context = camel;
        return context == null ? null : context.getRouteController().getRouteStatus(routeId(connectorId));
    }

    /**
     * Tells whether the connector's route is being built or rebuilt right now, when its route
     * status says nothing yet about the outcome.
     */
    public boolean building(String connectorId) {
        return building.contains(connectorId);
    }

    /** Tells whether the hub has built the routes of the connectors it started with. */
    public boolean started() {
        return routesBuilt;
    }

    public synchronized void pause(String connectorId, String actor) throws Exception {
        requireRoute(connectorId);
        camel.getRouteController().suspendRoute(routeId(connectorId), stopTimeout.toSeconds(), TimeUnit.SECONDS);
        store.setDesiredState(connectorId, DesiredState.PAUSED, actor);
    }

    public synchronized void resume(String connectorId, String actor) throws Exception {
        requireRoute(connectorId);
        camel.getRouteController().resumeRoute(routeId(connectorId));
        store.setDesiredState(connectorId, DesiredState.RUNNING, actor);
    }

    public synchronized void stop(String connectorId, String actor) throws Exception {
        requireRoute(connectorId);
        camel.getRouteController().stopRoute(routeId(connectorId), stopTimeout.toSeconds(), TimeUnit.SECONDS);
        store.setDesiredState(connectorId, DesiredState.STOPPED, actor);
    }

    /** Starts a stopped connector, or builds the route of one that failed. */
    public synchronized void start(String connectorId, String actor) throws Exception {
        store.setDesiredState(connectorId, DesiredState.RUNNING, actor);
        if (camel.getRoute(routeId(connectorId)) == null) {
            rebuild(connectorId);
        } else {
            camel.getRouteController().startRoute(routeId(connectorId));
        }
    }

    /** Stops, rebuilds and starts a connector's route, for example after fixing its environment. */
    public synchronized void restart(String connectorId, String actor) {
        store.setDesiredState(connectorId, DesiredState.RUNNING, actor);
        rebuild(connectorId);
    }

    /**
     * Polls the source now, on the route's own poll thread, after any poll in progress.
     *
     * @return {@code false} if the route is not running or its consumer does not poll
     */
    public synchronized boolean runNow(String connectorId) {
        Route route = camel.getRoute(routeId(connectorId));
        ScheduledExecutorService poller = pollers.get(connectorId);
        if (route == null || poller == null || routeStatus(connectorId) != ServiceStatus.Started
                || !(route.getConsumer() instanceof ScheduledPollConsumer consumer)) {
            return false;
        }
        poller.execute(consumer);
        return true;
    }

    /**
     * Builds the route of a connector whose route could not be built, keeping the state that was
     * asked for. Sources that must reach a server while their route starts, such as an MQTT
     * broker, call it to retry by themselves.
     *
     * @return {@code false} if the connector has no failed route to retry
     */
    public synchronized boolean retryFailed(String connectorId) {
        if (camel == null || !failures.containsKey(connectorId)) {
            return false;
        }
        rebuild(connectorId);
        return true;
    }

    private void rebuild(String connectorId) {
        building.add(connectorId);
        try {
            remove(connectorId);
            registry.find(connectorId).ifPresent(descriptor ->
                    build(descriptor, desired(store.controls(), connectorId)));
        } finally {
            building.remove(connectorId);
        }
    }

    private void requireRoute(String connectorId) {
        if (camel == null || camel.getRoute(routeId(connectorId)) == null) {
            throw new IllegalStateException("Connector " + connectorId + " has no route");
        }
    }

    private static DesiredState desired(Map<String, JdbcLifecycleStore.Control> controls, String id) {
        JdbcLifecycleStore.Control control = controls.get(id);
        return control == null ? DesiredState.RUNNING : control.state();
    }

    private void build(ConnectorDescriptor descriptor, DesiredState desired) {
        String id = descriptor.id();
        try {
            SourceTemplate template = templates.find(descriptor.source().template()).orElseThrow(() ->
                    new IllegalStateException("unknown template " + descriptor.source().template()));
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                    runnable -> new Thread(runnable, "poll-" + id));
            pollers.put(id, poller);
            camel.getRegistry().bind(pollerBean(id), poller);
            TemplatedRouteBuilder.builder(camel, template.name())
                    .routeId(routeId(id))
                    .parameters(routeParameters(descriptor, template))
                    .add();
            applyDesired(id, desired);
            failures.remove(id);
            startedAt.put(id, Instant.now());
            log.info("Built route {} for connector {} from template {} ({})", routeId(id), id,
                    template.name(), desired);
        } catch (Exception e) {
            log.error("Cannot build the route of connector {}", id, e);
            remove(id);
            failures.put(id, new RouteFailure(e.getMessage(), Instant.now()));
        }
    }

    private Map<String, Object> routeParameters(ConnectorDescriptor descriptor, SourceTemplate template)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(template.defaults());
        parameters.putAll(secrets.resolved(descriptor));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("connectorId", descriptor.id());
        route.put("poller", pollerBean(descriptor.id()));
        var support = supports.find(template.name());
        if (support.isPresent()) {
            route.putAll(support.get().routeParameters(descriptor, parameters));
        } else {
            route.putAll(parameters);
        }
        return route;
    }

    private void applyDesired(String id, DesiredState desired) throws Exception {
        switch (desired) {
            case PAUSED -> camel.getRouteController().suspendRoute(routeId(id));
            case STOPPED -> camel.getRouteController().stopRoute(routeId(id));
            default -> {
            }
        }
    }

    /** Stops and removes a connector's route, waiting for the exchange in progress to finish. */
    private void remove(String connectorId) {
        String routeId = routeId(connectorId);
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId, stopTimeout.toSeconds(), TimeUnit.SECONDS);
                camel.removeRoute(routeId);
                log.info("Removed route {} of connector {}", routeId, connectorId);
            }
            supports.all().forEach(support -> support.routeRemoved(connectorId));
        } catch (Exception e) {
            log.error("Cannot remove route {} of connector {}", routeId, connectorId, e);
        }
        ScheduledExecutorService poller = pollers.remove(connectorId);
        if (poller != null) {
            poller.shutdownNow();
            camel.getRegistry().unbind(pollerBean(connectorId));
        }
        failures.remove(connectorId);
        startedAt.remove(connectorId);
        health.forget(connectorId);
    }

    /** Returns the Camel registry name of a connector's single-thread poll executor. */
    public static String pollerBean(String connectorId) {
        return "huitong-poller-" + connectorId;
    }
}
