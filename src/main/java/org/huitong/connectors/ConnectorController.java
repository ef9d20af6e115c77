package org.huitong.connectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connectors with their state and last batch. */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "connectors", description = "Registered connectors / 已注册的接入器")
public class ConnectorController {

    private final ConnectorCatalog catalog;
    private final ConnectorRoutes routes;
    private final CamelContext camel;
    private final BatchRepository batches;

    public ConnectorController(ConnectorCatalog catalog, ConnectorRoutes routes,
                               CamelContext camel, BatchRepository batches) {
        this.catalog = catalog;
        this.routes = routes;
        this.camel = camel;
        this.batches = batches;
    }

    @GetMapping
    @Operation(summary = "List connectors with state and last batch / 列出接入器及其状态和最近批次")
    public List<ConnectorView> list() {
        Map<String, Batch> latest = batches.latestByConnector();
        return catalog.entries().stream().map(entry -> view(entry, latest.get(entry.id()))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connector / 单个接入器")
    public ConnectorView get(@PathVariable("id") String id) {
        ConnectorEntry entry = catalog.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("connector.not-found", id));
        return view(entry, batches.latestByConnector().get(id));
    }

    private ConnectorView view(ConnectorEntry entry, Batch lastBatch) {
        ConnectorDescriptor d = entry.descriptor();
        if (d == null) {
            return new ConnectorView(entry.id(), entry.file().toString(), ConnectorState.INVALID,
                    null, null, null, null, null, null, null, entry.errors(), lastBatch);
        }
        ConnectorState state = ConnectorState.of(
                camel.getRouteController().getRouteStatus(ConnectorRoutes.routeId(d.id())));
        return new ConnectorView(d.id(), entry.file().toString(), state, d.department().code(),
                d.department().name(), d.department().nameEn(), d.target().recordType(),
                d.target().version(), d.source().template(),
                routes.inbox(d.id()).toAbsolutePath().toString(), List.of(), lastBatch);
    }
}
