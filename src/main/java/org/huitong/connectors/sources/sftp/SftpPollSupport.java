package org.huitong.connectors.sources.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorProperties;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.SourceSupport;
import org.springframework.stereotype.Component;

/**
 * The {@code sftp-poll} template: checks its parameters and creates the local folder the
 * connector's files are downloaded to, {@code <inbox root>/../sftp-work/<connector id>}.
 */
@Component
public class SftpPollSupport implements SourceSupport {

    private final ConnectorProperties properties;

    public SftpPollSupport(ConnectorProperties properties) {
        this.properties = properties;
    }

    @Override
    public String template() {
        return SftpPollSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        return SftpPollSource.check(descriptor.source().parameters());
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters)
            throws IOException {
        Path root = properties.inboxRoot().toAbsolutePath().resolveSibling("sftp-work");
        Path work = Files.createDirectories(root.resolve(descriptor.id()));
        return SftpPollSource.routeParameters(descriptor, work, parameters);
    }
}
