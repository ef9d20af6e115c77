package org.huitong.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.HuitongApplication;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.batches.BatchStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole hub started with {@link SpringApplicationBuilder} on a {@link HubTestEnvironment}, so
 * that a test can stop it and start another hub on the same data directory and broker port.
 * Unlike a {@code @SpringBootTest} context it is not cached, and {@link #close()} stops the
 * connector routes, the embedded broker and the database pool.
 */
public final class RunningHub implements AutoCloseable {

    /** Maximum batches read per query, more than any test here creates for one connector. */
    private static final int MAX_BATCHES = 1000;

    private final ConfigurableApplicationContext context;

    private RunningHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a hub on the environment's folders and broker port, with an HTTP port of 0. */
    public static RunningHub start(HubTestEnvironment environment) {
        return start(environment, Map.of());
    }

    /**
     * Starts a hub with additional properties, for example {@code spring.datasource.*}.
     *
     * @param beans singletons registered before the context refreshes, for example an
     *     {@code ArtemisConfigurationCustomizer} that adds a broker plugin
     */
    public static RunningHub start(HubTestEnvironment environment, Map<String, Object> properties,
                                   Object... beans) {
        Map<String, Object> all = new LinkedHashMap<>(environment.properties());
        all.put("server.port", 0);
        all.putAll(properties);

        // Command-line arguments override application.yml, which the builder's default
        // properties would not.
        String[] arguments = all.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HuitongApplication.class)
                .registerShutdownHook(false)
                .initializers(context -> {
                    for (int i = 0; i < beans.length; i++) {
                        context.getBeanFactory().registerSingleton("testBean" + i, beans[i]);
                    }
                });
        return new RunningHub(builder.run(arguments));
    }

    /** Returns the HTTP port the hub listens on, on 127.0.0.1. */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Waits up to 30 seconds until the connector has at least {@code count} batches and none is
     * RUNNING, then returns its batches newest first.
     */
    public List<Batch> awaitFinishedBatches(String connectorId, int count) {
        BatchRepository batches = bean(BatchRepository.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Batch> found = batches.find(connectorId, 0, MAX_BATCHES);
            return found.size() >= count && found.stream().noneMatch(b -> b.status() == BatchStatus.RUNNING);
        });
        return batches.find(connectorId, 0, MAX_BATCHES);
    }

    /**
     * Waits up to 30 seconds for a batch of the connector with the given status, and returns the
     * oldest such batch, which is the first attempt when a file was retried.
     */
    public Batch awaitFirstBatch(String connectorId, BatchStatus status) {
        BatchRepository batches = bean(BatchRepository.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> oldest(batches, connectorId, status).isPresent());
        return oldest(batches, connectorId, status).orElseThrow();
    }

    private static Optional<Batch> oldest(BatchRepository batches, String connectorId, BatchStatus status) {
        return batches.find(connectorId, 0, MAX_BATCHES).stream()
                .filter(batch -> batch.status() == status)
                .min(Comparator.comparingLong(Batch::id));
    }

    @Override
    public void close() {
        context.close();
    }
}
