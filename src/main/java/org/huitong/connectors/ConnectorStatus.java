package org.huitong.connectors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.springframework.stereotype.Component;

/** The state of every connector, from its descriptor, its Camel route and its last batch. */
@Component
public class ConnectorStatus {

    private final ConnectorCatalog catalog;
    private final ConnectorRoutes routes;
    private final CamelContext camel;
    private final BatchRepository batches;

    public ConnectorStatus(ConnectorCatalog catalog, ConnectorRoutes routes, CamelContext camel,
                           BatchRepository batches) {
        this.catalog = catalog;
        this.routes = routes;
        this.camel = camel;
        this.batches = batches;
    }

    public List<ConnectorView> all() {
        Map<String, Batch> latest = batches.latestByConnector();
        return catalog.entries().stream().map(entry -> view(entry, latest.get(entry.id()))).toList();
    }

    public Optional<ConnectorView> find(String id) {
        return catalog.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(entry -> view(entry, batches.latestByConnector().get(id)));
    }

    private ConnectorView view(ConnectorEntry entry, Batch lastBatch) {
        ConnectorDescriptor d = entry.descriptor();
        if (d == null) {
            return new ConnectorView(entry.id(), entry.file().toString(), ConnectorState.INVALID,
                    null, null, null, null, null, null, null, entry.errors(), lastBatch);
        }
        List<String> errors = routes.startFailure(d.id()).stream().toList();
        ConnectorState state = errors.isEmpty()
                ? ConnectorState.of(camel.getRouteController()
                        .getRouteStatus(ConnectorRoutes.routeId(d.id())))
                : ConnectorState.FAILED;
        return new ConnectorView(d.id(), entry.file().toString(), state, d.department().code(),
                d.department().name(), d.department().nameEn(), d.target().recordType(),
                d.target().version(), d.source().template(),
                routes.inbox(d.id()).toAbsolutePath().toString(), errors, lastBatch);
    }
}
