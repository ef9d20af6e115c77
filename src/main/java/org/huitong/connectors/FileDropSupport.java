package org.huitong.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@code file-drop} template: checks its parameters and creates the connector's inbox. */
@Component
public class FileDropSupport implements SourceSupport {

    private final ConnectorProperties properties;

    public FileDropSupport(ConnectorProperties properties) {
        this.properties = properties;
    }

    @Override
    public String template() {
        return FileDropSource.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        return FileDropSource.check(descriptor.source().parameters());
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters)
            throws IOException {
        Path inbox = Files.createDirectories(properties.inboxRoot().resolve(descriptor.id()));
        return FileDropSource.routeParameters(inbox, parameters);
    }
}
