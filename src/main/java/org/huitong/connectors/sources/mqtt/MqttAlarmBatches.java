package org.huitong.connectors.sources.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.paho.PahoConsumer;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.connectors.lifecycle.PollHealth;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.pipeline.PipelineFailureException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the {@code mqtt-alarm} routes: reports each one's broker connection to
 * {@link PollHealth}, so a disconnected connector shows DEGRADED, and hands its stored messages
 * to {@link AlarmBatchRunner} on the connector's own single-thread executor, so batches of one
 * connector never overlap.
 */
@Component
public class MqttAlarmBatches {

    private static final Logger log = LoggerFactory.getLogger(MqttAlarmBatches.class);

    /** Wait after a failed batch before the next attempt; doubles up to {@link #MAX_RETRY_DELAY}. */
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(2);

    /** The hub's message bundle for MQTT sources, for the disconnected reason in both languages. */
    private static final org.huitong.i18n.Messages DISCONNECTED = org.huitong.i18n.Messages.load("i18n/mqtt");

    private final CamelContext camel;
    private final ConnectorRegistry registry;
    private final SourceTemplates templates;
    private final PollHealth health;
    private final AlarmBatchRunner runner;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private final Map<String, Retry> buildRetries = new ConcurrentHashMap<>();
    /** Connecting can take up to the connection timeout, so rebuilds run off the scheduler thread. */
    private final java.util.concurrent.ExecutorService rebuilder = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> new Thread(runnable, "mqtt-route-rebuild"));
    private final ConnectorRuntime runtime;

    private record Retry(Instant notBefore, Duration delay) {
    }

    public MqttAlarmBatches(CamelContext camel, ConnectorRegistry registry, SourceTemplates templates,
                            PollHealth health, AlarmBatchRunner runner, ConnectorRuntime runtime) {
        this.runtime = runtime;
        this.camel = camel;
        this.registry = registry;
        this.templates = templates;
        this.health = health;
        this.runner = runner;
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${huitong.mqtt.check-interval:PT0.25S}")
    void check() {
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof PahoConsumer consumer
                    && route.getRouteId().startsWith(ConnectorRuntime.ROUTE_PREFIX)) {
                String connectorId = route.getRouteId().substring(ConnectorRuntime.ROUTE_PREFIX.length());
                // A paused or stopped route has disconnected on purpose, which is no fault.
                if (camel.getRouteController().getRouteStatus(route.getRouteId()) == ServiceStatus.Started) {
                    reportConnection(connectorId, consumer);
                    schedule(connectorId);
                }
            }
        }
    }

    /**
     * Builds again the routes of MQTT connectors that could not start, usually because the
     * broker was unreachable: Paho connects while the route starts and reconnects by itself only
     * after a first successful connection. The first retry comes after 2 seconds, and the wait
     * doubles up to 2 minutes, so a long outage logs little.
     */
    @Scheduled(initialDelay = 2000, fixedDelayString = "${huitong.mqtt.check-interval:PT0.25S}")
    void retryFailedBuilds() {
        for (var entry : registry.entries()) {
            String id = entry.id();
            if (!entry.valid() || !MqttAlarmSource.TEMPLATE.equals(entry.descriptor().source().template())
                    || runtime.failure(id).isEmpty()) {
                buildRetries.remove(id);
                continue;
            }
            Retry retry = buildRetries.get(id);
            if (retry == null) {
                buildRetries.put(id, new Retry(Instant.now().plus(FIRST_RETRY_DELAY), FIRST_RETRY_DELAY));
            } else if (!Instant.now().isBefore(retry.notBefore())) {
                Duration delay = min(retry.delay().multipliedBy(2), MAX_RETRY_DELAY);
                buildRetries.put(id, new Retry(Instant.now().plus(delay), delay));
                log.info("Connector {}: building its MQTT route again after a failed start", id);
                rebuilder.execute(() -> runtime.retryFailed(id));
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stopRebuilds() {
        rebuilder.shutdownNow();
    }

    private void reportConnection(String connectorId, PahoConsumer consumer) {
        MqttClient client = consumer.getClient();
        if (client == null) {
            return;
        }
        if (client.isConnected()) {
            if (health.status(connectorId).map(PollHealth.Status::failing).orElse(true)) {
                health.sourceAvailable(connectorId);
            }
        } else {
            health.sourceUnavailable(connectorId, DISCONNECTED.text("mqtt.disconnected", client.getServerURI()));
        }
    }

    private void schedule(String connectorId) {
        Retry retry = retries.get(connectorId);
        if (retry != null && Instant.now().isBefore(retry.notBefore())) {
            return;
        }
        ScheduledExecutorService poller = camel.getRegistry()
                .lookupByNameAndType(ConnectorRuntime.pollerBean(connectorId), ScheduledExecutorService.class);
        ConnectorDescriptor descriptor = registry.find(connectorId).orElse(null);
        if (poller == null || descriptor == null || !running.add(connectorId)) {
            return;
        }
        try {
            poller.execute(() -> runBatch(descriptor));
        } catch (RejectedExecutionException e) {
            running.remove(connectorId);
        }
    }

    private void runBatch(ConnectorDescriptor descriptor) {
        String connectorId = descriptor.id();
        try {
            runner.runDue(descriptor, settings(descriptor));
            retries.remove(connectorId);
        } catch (PipelineFailureException | org.springframework.dao.DataAccessException e) {
            Retry previous = retries.get(connectorId);
            Duration delay = previous == null ? FIRST_RETRY_DELAY
                    : min(previous.delay().multipliedBy(2), MAX_RETRY_DELAY);
            retries.put(connectorId, new Retry(Instant.now().plus(delay), delay));
            log.warn("Connector {}: MQTT batch failed, the messages stay stored and are tried again in {} s: {}",
                    connectorId, delay.toSeconds(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Connector {}: MQTT batch failed unexpectedly; the messages stay stored", connectorId, e);
        } finally {
            running.remove(connectorId);
        }
    }

    private AlarmBatchRunner.Settings settings(ConnectorDescriptor descriptor) {
        Map<String, String> parameters = new java.util.HashMap<>(
                templates.find(MqttAlarmSource.TEMPLATE).orElseThrow().defaults());
        parameters.putAll(descriptor.source().parameters());
        return new AlarmBatchRunner.Settings(Duration.ofMillis(Long.parseLong(parameters.get("batchWindowMs"))),
                Integer.parseInt(parameters.get("batchMaxMessages")));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
