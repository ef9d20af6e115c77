package org.huitong.monitoring;

import java.util.Map;
import java.util.Set;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorState;
import org.huitong.connectors.lifecycle.ConnectorStates;
import org.huitong.connectors.lifecycle.JdbcLifecycleStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the connectors, shown as {@code connectors} under {@code /actuator/health}: DOWN
 * while any connector is invalid or failed, with each connector's state in the details. A
 * connector a person paused or stopped does not make the hub unhealthy, and neither does a
 * DEGRADED or STALE one, which recovers by itself or waits for its department.
 */
@Component("connectors")
public class ConnectorsHealthIndicator implements HealthIndicator {

    private static final Set<ConnectorState> UNHEALTHY = Set.of(ConnectorState.INVALID, ConnectorState.FAILED);

    private final ConnectorRegistry registry;
    private final ConnectorStates states;
    private final BatchRepository batches;
    private final JdbcLifecycleStore store;

    public ConnectorsHealthIndicator(ConnectorRegistry registry, ConnectorStates states, BatchRepository batches,
                                     JdbcLifecycleStore store) {
        this.registry = registry;
        this.states = states;
        this.batches = batches;
        this.store = store;
    }

    @Override
    public Health health() {
        Map<String, Batch> latest = batches.latestByConnector();
        Map<String, JdbcLifecycleStore.Control> controls = store.controls();
        Health.Builder health = Health.up();
        for (ConnectorEntry entry : registry.entries()) {
            ConnectorState state = states.observe(entry, latest.get(entry.id()), controls).state();
            health.withDetail(entry.id(), state);
            if (UNHEALTHY.contains(state)) {
                health.down();
            }
        }
        return health.build();
    }
}
