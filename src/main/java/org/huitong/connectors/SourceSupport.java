package org.huitong.connectors;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Template-specific behaviour of a source template beyond its parameter schema: checks a schema cannot express and
 * the route parameters the hub computes, such as an inbox folder. A template without a bean of
 * this type gets its parameters passed to the route as they are.
 */
public interface SourceSupport {

    /** The template name, as in {@code routes/NAME.yaml}. */
    String template();

    /** Checks a descriptor of this template; returns one error per fault, naming its path. */
    default List<DescriptorError> check(ConnectorDescriptor descriptor) {
        return List.of();
    }

    /**
     * Returns the route template parameters besides {@code connectorId} and {@code poller}.
     *
     * @param parameters the descriptor's parameters with the template's defaults filled in and
     *     secrets resolved; they must not be logged
     */
    Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters)
            throws IOException;

    /** Runs after the connector's route was removed, for example to release what its build set up. */
    default void routeRemoved(String connectorId) {
    }

    /**
     * Reads the first page of a live polling source for a dry run, publishing and storing nothing.
     *
     * @param parameters as for {@link #routeParameters}
     * @return empty when this template has no live source to sample, as for file drops
     * @throws IOException if the source cannot be read; the message is shown to the user and must
     *     not contain a secret
     */
    default java.util.Optional<org.huitong.pipeline.BatchInput> firstPage(ConnectorDescriptor descriptor,
            Map<String, String> parameters) throws IOException {
        return java.util.Optional.empty();
    }
}
