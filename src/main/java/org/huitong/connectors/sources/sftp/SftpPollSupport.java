package org.huitong.connectors.sources.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorProperties;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.SourceSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@code sftp-poll} template: checks its parameters, creates the local folder the
 * connector's files are downloaded to ({@code <inbox root>/../sftp-work/<connector id>}) and
 * hands the private key to Camel through its registry.
 *
 * <p>The key goes through the registry because a multi-line value does not survive the
 * endpoint URI that the route template builds, and a {@code privateKeyUri} would show the key in
 * Camel's log of a failed poll.
 */
@Component
public class SftpPollSupport implements SourceSupport {

    private final ConnectorProperties properties;
    private final ObjectProvider<CamelContext> camel;
    private final org.huitong.connectors.sources.OutboundHosts hosts;
    private final SftpReadFiles readFiles;

    public SftpPollSupport(ConnectorProperties properties, ObjectProvider<CamelContext> camel,
                           org.huitong.connectors.sources.OutboundHosts hosts, SftpReadFiles readFiles) {
        this.properties = properties;
        this.camel = camel;
        this.hosts = hosts;
        this.readFiles = readFiles;
    }

    @Override
    public String template() {
        return SftpPollSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        List<DescriptorError> errors = new java.util.ArrayList<>(SftpPollSource.check(descriptor.source().parameters()));
        errors.addAll(hosts.check("source.parameters.host", descriptor.source().parameters().get("host")));
        return errors;
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters)
            throws IOException {
        Path root = properties.inboxRoot().toAbsolutePath().resolveSibling("sftp-work");
        Path work = Files.createDirectories(root.resolve(descriptor.id()));
        Map<String, Object> route = SftpPollSource.routeParameters(descriptor, work, parameters);
        if (SftpPollSource.keepsFiles(parameters)) {
            route.put("idempotentRepository", "#" + readFiles.bind(camel.getObject(), descriptor.id()));
        }
        String keyBean = keyBean(descriptor.id());
        String privateKey = parameters.get("privateKey");
        if (privateKey == null) {
            camel.getObject().getRegistry().unbind(keyBean);
        } else {
            camel.getObject().getRegistry().bind(keyBean, byte[].class,
                    privateKey.getBytes(StandardCharsets.US_ASCII));
            route.put("privateKey", "#" + keyBean);
        }
        return route;
    }

    /** Removes the key and the read-files repository of the connector from Camel's registry. */
    @Override
    public void routeRemoved(String connectorId) {
        camel.getObject().getRegistry().unbind(keyBean(connectorId));
        readFiles.unbind(camel.getObject(), connectorId);
    }

    private static String keyBean(String connectorId) {
        return "huitong-sftp-key-" + connectorId;
    }
}
