package org.huitong.connectors.lifecycle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Observes every connector's state every {@code huitong.connectors.monitor-interval} and records
 * each change in the connector's history, with its reason. Lifecycle actions record their change
 * at once through {@link #observe(String, String)}, naming the person who asked.
 */
@Component
public class ConnectorMonitor {

    private static final Logger log = LoggerFactory.getLogger(ConnectorMonitor.class);

    private final ConnectorRegistry registry;
    private final ConnectorStates states;
    private final BatchRepository batches;
    private final JdbcLifecycleStore store;
    private final org.huitong.i18n.Messages messages;
    private final Map<String, StateChange> recorded = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public ConnectorMonitor(ConnectorRegistry registry, ConnectorStates states, BatchRepository batches,
                            JdbcLifecycleStore store, org.huitong.i18n.Messages messages) {
        this.messages = messages;
        this.registry = registry;
        this.states = states;
        this.batches = batches;
        this.store = store;
    }

    /** Observes every connector and records the states that changed. */
    @Scheduled(initialDelayString = "${huitong.connectors.monitor-interval:PT5S}",
            fixedDelayString = "${huitong.connectors.monitor-interval:PT5S}")
    public void observeAll() {
        Map<String, Batch> latest = batches.latestByConnector();
        Map<String, JdbcLifecycleStore.Control> controls = store.controls();
        for (ConnectorEntry entry : registry.entries()) {
            record(entry, states.observe(entry, latest.get(entry.id()), controls), ConnectorRegistry.SYSTEM);
        }
    }

    /** Observes one connector after an action and records its state if it changed. */
    public ObservedState observe(String connectorId, String actor) {
        ConnectorEntry entry = registry.entry(connectorId).orElseThrow();
        ObservedState state = states.observe(entry, batches.latestByConnector().get(connectorId), store.controls());
        record(entry, state, actor);
        return state;
    }

    /** Returns the newest recorded change of a connector, if any. */
    public Optional<StateChange> lastChange(String connectorId) {
        loadOnce();
        return Optional.ofNullable(recorded.get(connectorId));
    }

    private synchronized void record(ConnectorEntry entry, ObservedState state, String actor) {
        loadOnce();
        StateChange previous = recorded.get(entry.id());
        if (previous != null && previous.to() == state.state()) {
            return;
        }
        ConnectorState from = previous == null ? null : previous.to();
        if (state.reason() == null && !ConnectorRegistry.SYSTEM.equals(actor)) {
            state = new ObservedState(state.state(), messages.text("connector.state.by-user", actor), state.since());
        }
        store.recordChange(entry.id(), from, state.state(), state.reason(), actor);
        recorded.put(entry.id(), new StateChange(0, entry.id(), java.time.Instant.now(), from, state.state(),
                state.reason() == null ? null : state.reason().zh(),
                state.reason() == null ? null : state.reason().en(), actor));
        log.info("Connector {}: {} -> {} ({}){}", entry.id(), from, state.state(), actor,
                state.reason() == null ? "" : ": " + state.reason().en());
    }

    private void loadOnce() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    recorded.putAll(store.latest());
                    loaded = true;
                }
            }
        }
    }
}
