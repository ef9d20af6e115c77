package org.huitong.connectors.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.FileDropSource;
import org.huitong.connectors.lifecycle.ConnectorMonitor;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.connectors.lifecycle.ConnectorStates;
import org.huitong.connectors.lifecycle.JdbcLifecycleStore;
import org.huitong.connectors.lifecycle.ObservedState;
import org.huitong.connectors.lifecycle.StateChange;
import org.huitong.i18n.Messages;
import org.huitong.security.ForbiddenException;
import org.huitong.security.HubUser;
import org.huitong.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Builds the API's view of connectors, showing each caller only the connectors of the
 * departments it may read.
 */
@Component
public class ConnectorViews {

    private final ConnectorRegistry registry;
    private final ConnectorStates states;
    private final ConnectorMonitor monitor;
    private final ConnectorRuntime runtime;
    private final ConnectorSecrets secrets;
    private final BatchRepository batches;
    private final JdbcLifecycleStore store;
    private final Messages messages;

    public ConnectorViews(ConnectorRegistry registry, ConnectorStates states, ConnectorMonitor monitor,
                          ConnectorRuntime runtime, ConnectorSecrets secrets, BatchRepository batches,
                          JdbcLifecycleStore store, Messages messages) {
        this.registry = registry;
        this.states = states;
        this.monitor = monitor;
        this.runtime = runtime;
        this.secrets = secrets;
        this.batches = batches;
        this.store = store;
        this.messages = messages;
    }

    /** Returns the connectors the user may read. */
    public List<ConnectorView> visible(HubUser user, Locale locale) {
        Map<String, Batch> latest = batches.latestByConnector();
        Map<String, JdbcLifecycleStore.Control> controls = store.controls();
        return registry.entries().stream()
                .filter(entry -> user.canRead(entry.departmentCode()))
                .map(entry -> view(entry, latest.get(entry.id()), controls, locale))
                .toList();
    }

    /**
     * Returns one connector.
     *
     * @throws NotFoundException if there is none with that id
     * @throws ForbiddenException if it belongs to a department the user may not read
     */
    public ConnectorView visible(String id, HubUser user, Locale locale) {
        ConnectorEntry entry = readable(id, user);
        return view(entry, batches.latestByConnector().get(id), store.controls(), locale);
    }

    /** Returns a connector's entry after checking that the user may read it. */
    public ConnectorEntry readable(String id, HubUser user) {
        ConnectorEntry entry = registry.entry(id).orElseThrow(() -> new NotFoundException("connector.not-found", id));
        if (!user.canRead(entry.departmentCode())) {
            throw ForbiddenException.otherDepartment(user, entry.departmentCode());
        }
        return entry;
    }

    private ConnectorView view(ConnectorEntry entry, Batch lastBatch, Map<String, JdbcLifecycleStore.Control> controls,
                               Locale locale) {
        ObservedState state = states.observe(entry, lastBatch, controls);
        Instant since = monitor.lastChange(entry.id()).filter(change -> change.to() == state.state())
                .map(StateChange::at).orElse(state.since());
        String reason = state.reason() == null ? null : state.reason().forLocale(locale);
        List<ConnectorView.ErrorView> errors = entry.errors().stream().map(error -> errorView(error, locale)).toList();
        ConnectorDescriptor descriptor = entry.descriptor();
        if (descriptor == null) {
            return new ConnectorView(entry.id(), entry.origin(), entry.location(), entry.overridesApi(),
                    entry.revision(), state.state(), since, reason, entry.departmentCode(), null, null, null,
                    null, null, null, null, errors, lastBatch, null);
        }
        String inbox = FileDropSource.TEMPLATE.equals(descriptor.source().template())
                ? runtime.inbox(entry.id()).toAbsolutePath().toString() : null;
        return new ConnectorView(entry.id(), entry.origin(), entry.location(), entry.overridesApi(),
                entry.revision(), state.state(), since, reason, descriptor.department().code(),
                descriptor.department().name(), descriptor.department().nameEn(),
                descriptor.target().recordType(), descriptor.target().version(),
                descriptor.source().template(), inbox, descriptor.expectedInterval(), errors, lastBatch,
                secrets.masked(descriptor));
    }

    /** Renders a descriptor error in the request's language. */
    public ConnectorView.ErrorView errorView(DescriptorError error, Locale locale) {
        return new ConnectorView.ErrorView(error.path(), error.render(messages).forLocale(locale));
    }
}
