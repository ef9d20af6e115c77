package org.huitong.connectors.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorState;
import org.huitong.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * Computes each connector's state from its descriptor, its route, the outcome of its polls and
 * its last batch. The rules, in order: INVALID, CREATED, FAILED, then the route's status
 * (STARTING, PAUSED, STOPPED) and, for a started route, DEGRADED, STALE or RUNNING.
 */
@Component
public class ConnectorStates {

    private final ConnectorRuntime runtime;
    private final PollHealth health;
    private final Messages messages;

    public ConnectorStates(ConnectorRuntime runtime, PollHealth health, Messages messages) {
        this.runtime = runtime;
        this.health = health;
        this.messages = messages;
    }

    /**
     * Computes the state of one connector.
     *
     * @param lastBatch its newest batch, or {@code null}
     * @param controls the desired state of every connector that has one
     */
    public ObservedState observe(ConnectorEntry entry, Batch lastBatch,
                                 Map<String, JdbcLifecycleStore.Control> controls) {
        String id = entry.id();
        if (!entry.valid()) {
            return new ObservedState(ConnectorState.INVALID, messages.text("connector.state.invalid",
                    entry.errors().size()), null);
        }
        if (!runtime.started()) {
            return new ObservedState(ConnectorState.CREATED, null, null);
        }
        var failure = runtime.failure(id);
        if (failure.isPresent()) {
            return new ObservedState(ConnectorState.FAILED, messages.text("connector.state.failed",
                    failure.get().message()), failure.get().at());
        }
        if (runtime.building(id)) {
            return new ObservedState(ConnectorState.STARTING, null, null);
        }
        ServiceStatus status = runtime.routeStatus(id);
        JdbcLifecycleStore.Control control = controls.get(id);
        if (status == null) {
            // The runtime builds a route for every valid connector or records why it could not,
            // so a valid connector without either is between the two steps of a rebuild.
            return new ObservedState(ConnectorState.STARTING, null, null);
        }
        return switch (status) {
            case Initializing, Initialized, Starting -> new ObservedState(ConnectorState.STARTING, null, null);
            case Suspending, Suspended -> new ObservedState(ConnectorState.PAUSED, byWhom("paused", control),
                    control == null ? null : control.changedAt());
            case Started -> started(entry.descriptor(), lastBatch);
            // Camel stops a route for a pause when its consumer cannot suspend, for example an
            // MQTT subscription, so the stored request tells a pause from a stop.
            default -> control != null && control.state() == DesiredState.PAUSED
                    ? new ObservedState(ConnectorState.PAUSED, byWhom("paused", control), control.changedAt())
                    : new ObservedState(ConnectorState.STOPPED, byWhom("stopped", control),
                    control == null ? null : control.changedAt());
        };
    }

    private ObservedState started(ConnectorDescriptor descriptor, Batch lastBatch) {
        String id = descriptor.id();
        PollHealth.Status poll = health.status(id).orElse(null);
        if (poll != null && poll.failing()) {
            org.huitong.i18n.LocalizedText reason = poll.lastReason();
            String zh = messages.text("connector.state.poll-failing", poll.consecutiveFailures(), reason.zh()).zh();
            String en = messages.text("connector.state.poll-failing", poll.consecutiveFailures(), reason.en()).en();
            return new ObservedState(ConnectorState.DEGRADED, new org.huitong.i18n.LocalizedText(zh, en),
                    poll.failingSince());
        }
        if (lastBatch != null && lastBatch.status() == BatchStatus.FAILED) {
            return new ObservedState(ConnectorState.DEGRADED, messages.text("connector.state.batch-failed",
                    lastBatch.id()), lastBatch.startedAt());
        }
        if (lastBatch != null && lastBatch.read() > 0) {
            double share = (double) lastBatch.quarantined() / lastBatch.read();
            double tolerated = descriptor.options().maxQuarantinedShare();
            if (share > tolerated) {
                return new ObservedState(ConnectorState.DEGRADED, messages.text("connector.state.over-tolerance",
                        lastBatch.id(), percent(share), percent(tolerated)), lastBatch.startedAt());
            }
        }
        Duration expected = descriptor.expectedDeliveryInterval();
        if (expected != null) {
            Instant lastActivity = latest(lastBatch == null ? null : lastBatch.startedAt(),
                    runtime.startedAt(id).orElse(null));
            if (lastActivity != null && lastActivity.plus(expected).isBefore(Instant.now())) {
                return new ObservedState(ConnectorState.STALE, messages.text("connector.state.stale",
                        lastActivity.toString(), descriptor.expectedInterval()), lastActivity.plus(expected));
            }
        }
        return new ObservedState(ConnectorState.RUNNING, null, null);
    }

    private org.huitong.i18n.LocalizedText byWhom(String action, JdbcLifecycleStore.Control control) {
        return messages.text("connector.state." + action, control == null ? "?" : control.changedBy());
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
