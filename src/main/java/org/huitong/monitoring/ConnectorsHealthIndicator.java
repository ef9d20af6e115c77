package org.huitong.monitoring;

import java.util.Locale;
import java.util.Set;
import org.huitong.connectors.ConnectorState;
import org.huitong.connectors.ConnectorStatus;
import org.huitong.connectors.ConnectorView;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the connector routes, shown as {@code connectors} under {@code /actuator/health}:
 * DOWN while any connector that should run is invalid, failed or stopped, with each connector's
 * state in the details.
 */
@Component("connectors")
public class ConnectorsHealthIndicator implements HealthIndicator {

    private static final Set<ConnectorState> UNHEALTHY =
            Set.of(ConnectorState.INVALID, ConnectorState.FAILED, ConnectorState.STOPPED);

    private final ConnectorStatus status;

    public ConnectorsHealthIndicator(ConnectorStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ConnectorView connector : status.all(Locale.ENGLISH)) {
            health.withDetail(connector.id(), connector.state());
            if (UNHEALTHY.contains(connector.state())) {
                health.down();
            }
        }
        return health.build();
    }
}
