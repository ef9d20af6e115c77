package org.huitong.connectors;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where connectors come from and where their files arrive.
 *
 * @param descriptorDir folder of connector descriptors ({@code *.yaml}, {@code *.yml},
 *     {@code *.json}), read at start-up and reloaded every {@code huitong.connectors.reload-interval}
 * @param inboxRoot root of the inbox folders; connector {@code X} reads {@code inboxRoot/X/}
 */
@ConfigurationProperties("huitong.connectors")
public record ConnectorProperties(
        @DefaultValue("connectors") Path descriptorDir,
        Path inboxRoot) {
}
