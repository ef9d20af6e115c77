package org.huitong.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates one Camel route per valid connector from its source template in {@code routes/},
 * once the Camel context has loaded the templates.
 */
@Component
public class ConnectorRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);

    private final ConnectorCatalog catalog;
    private final ConnectorProperties properties;
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();

    public ConnectorRoutes(ConnectorCatalog catalog, ConnectorProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Returns the Camel route id of a connector. */
    public static String routeId(String connectorId) {
        return "connector-" + connectorId;
    }

    /** Returns the inbox folder of a connector. */
    public Path inbox(String connectorId) {
        return properties.inboxRoot().resolve(connectorId);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // Templates are loaded while the context starts; routes are added after.
    }

    /** Returns why the route of a connector could not be created, or empty if it was created. */
    public Optional<String> startFailure(String connectorId) {
        return Optional.ofNullable(startFailures.get(connectorId));
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (ConnectorEntry entry : catalog.entries()) {
            if (!entry.valid()) {
                continue;
            }
            try {
                addRoute(camelContext, entry.descriptor());
            } catch (Exception e) {
                // One connector's broken route must not keep the others from starting.
                startFailures.put(entry.id(), e.getMessage());
                log.error("Cannot start the route of connector {}", entry.id(), e);
            }
        }
    }

    private void addRoute(CamelContext camelContext, ConnectorDescriptor descriptor)
            throws Exception {
        Path inbox = inbox(descriptor.id());
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create inbox " + inbox, e);
        }
        String routeId = TemplatedRouteBuilder.builder(camelContext, descriptor.source().template())
                .routeId(routeId(descriptor.id()))
                .parameters(FileDropSource.routeParameters(descriptor.id(), inbox,
                        descriptor.source().parameters()))
                .add();
        log.info("Started route {} for connector {}, reading {}", routeId, descriptor.id(),
                inbox.toAbsolutePath());
    }
}
