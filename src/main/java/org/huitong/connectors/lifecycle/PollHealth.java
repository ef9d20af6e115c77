package org.huitong.connectors.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tracks whether each connector's source can be read, from the outcome of every poll of its
 * route. Route templates name this bean as their consumer's {@code pollStrategy}.
 *
 * <p>A failed poll is not retried at once: the template's {@code backoffMultiplier} skips that
 * many polls before the next attempt, so an unreachable source is retried with backoff and the
 * connector returns to RUNNING by itself on the first poll that succeeds.
 */
@Component("huitongPollHealth")
public class PollHealth implements PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(PollHealth.class);

    /** Log the first failure of a streak and then every this many, so a long outage logs little. */
    private static final int LOG_EVERY = 20;

    /**
     * The poll record of one connector.
     *
     * @param consecutiveFailures failed polls since the last successful one
     * @param lastError the last failure's message, in English, or {@code null}
     * @param lastReason the last failure's message in Chinese and English, or {@code null}
     */
    public record Status(int consecutiveFailures, String lastError, Instant failingSince,
                         Instant lastSuccessAt, org.huitong.i18n.LocalizedText lastReason) {

        public Status(int consecutiveFailures, String lastError, Instant failingSince, Instant lastSuccessAt) {
            this(consecutiveFailures, lastError, failingSince, lastSuccessAt,
                    lastError == null ? null : new org.huitong.i18n.LocalizedText(lastError, lastError));
        }

        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    public Optional<Status> status(String connectorId) {
        return Optional.ofNullable(statuses.get(connectorId));
    }

    /** Forgets a connector's record, when its route is rebuilt or removed. */
    public void forget(String connectorId) {
        statuses.remove(connectorId);
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String connectorId = connectorId(consumer);
        if (connectorId != null) {
            sourceAvailable(connectorId);
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String connectorId = connectorId(consumer);
        if (connectorId != null && cause instanceof LocalizedFailure localized) {
            sourceUnavailable(connectorId, localized.reason());
        } else if (connectorId != null) {
            sourceUnavailable(connectorId, cause.getMessage());
        }
        return false;
    }

    /**
     * Records that the connector's source can be read again. Sources that are not polled, such
     * as a broker subscription, call it when their connection is up.
     */
    public void sourceAvailable(String connectorId) {
        Status previous = statuses.get(connectorId);
        if (previous != null && previous.failing()) {
            log.info("Connector {}: source readable again after {} failed polls", connectorId,
                    previous.consecutiveFailures());
        }
        statuses.put(connectorId, new Status(0, null, null, Instant.now()));
    }

    /**
     * Records a failed attempt to read the connector's source, so the connector shows DEGRADED.
     * Sources that are not polled call it while their connection is down.
     *
     * @param error why reading failed; it must not contain a secret
     */
    public void sourceUnavailable(String connectorId, String error) {
        sourceUnavailable(connectorId, new org.huitong.i18n.LocalizedText(error, error));
    }

    /**
     * Records a failed attempt to read the connector's source, with a reason in both languages,
     * so the connector's state reason follows the reader's language.
     *
     * @param reason why reading failed; it must not contain a secret
     */
    public void sourceUnavailable(String connectorId, org.huitong.i18n.LocalizedText reason) {
        String error = reason.en();
        Status updated = statuses.compute(connectorId, (id, previous) -> {
            int failures = previous == null ? 1 : previous.consecutiveFailures() + 1;
            Instant since = previous == null || previous.failingSince() == null ? Instant.now()
                    : previous.failingSince();
            return new Status(failures, error, since,
                    previous == null ? null : previous.lastSuccessAt(), reason);
        });
        if (updated.consecutiveFailures() % LOG_EVERY == 1) {
            log.warn("Connector {}: poll {} of the source failed, retrying with backoff: {}",
                    connectorId, updated.consecutiveFailures(), error);
        }
    }

    private static String connectorId(Consumer consumer) {
        String routeId = consumer instanceof RouteIdAware aware ? aware.getRouteId() : null;
        return routeId != null && routeId.startsWith(ConnectorRuntime.ROUTE_PREFIX)
                ? routeId.substring(ConnectorRuntime.ROUTE_PREFIX.length()) : null;
    }
}
