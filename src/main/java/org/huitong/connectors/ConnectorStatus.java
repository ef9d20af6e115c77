package org.huitong.connectors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.huitong.batches.Batch;
import org.huitong.batches.BatchRepository;
import org.huitong.i18n.Messages;
import org.springframework.stereotype.Component;

/** The state of every connector, from its descriptor, its Camel route and its last batch. */
@Component
public class ConnectorStatus {

    private final ConnectorCatalog catalog;
    private final ConnectorRoutes routes;
    private final CamelContext camel;
    private final BatchRepository batches;
    private final Messages messages;

    public ConnectorStatus(ConnectorCatalog catalog, ConnectorRoutes routes, CamelContext camel,
                           BatchRepository batches, Messages messages) {
        this.messages = messages;
        this.catalog = catalog;
        this.routes = routes;
        this.camel = camel;
        this.batches = batches;
    }

    /** Returns every connector, with its error messages in {@code locale}. */
    public List<ConnectorView> all(Locale locale) {
        Map<String, Batch> latest = batches.latestByConnector();
        return catalog.entries().stream()
                .map(entry -> view(entry, latest.get(entry.id()), locale)).toList();
    }

    public Optional<ConnectorView> find(String id, Locale locale) {
        return catalog.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(entry -> view(entry, batches.latestByConnector().get(id), locale));
    }

    private ConnectorView view(ConnectorEntry entry, Batch lastBatch, Locale locale) {
        ConnectorDescriptor descriptor = entry.descriptor();
        if (descriptor == null) {
            return new ConnectorView(entry.id(), entry.file().toString(), ConnectorState.INVALID,
                    null, null, null, null, null, null, null,
                    entry.errors().stream().map(error -> error.forLocale(locale)).toList(), lastBatch);
        }
        String id = descriptor.id();
        List<String> errors = routes.startFailure(id)
                .map(failure -> messages.text("connector.route-failed", failure).forLocale(locale))
                .stream().toList();
        ConnectorState state = errors.isEmpty()
                ? ConnectorState.of(camel.getRouteController().getRouteStatus(ConnectorRoutes.routeId(id)))
                : ConnectorState.FAILED;
        return new ConnectorView(id, entry.file().toString(), state,
                descriptor.department().code(), descriptor.department().name(),
                descriptor.department().nameEn(), descriptor.target().recordType(),
                descriptor.target().version(), descriptor.source().template(),
                routes.inbox(id).toAbsolutePath().toString(), errors, lastBatch);
    }
}
