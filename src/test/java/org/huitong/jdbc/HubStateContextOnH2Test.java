package org.huitong.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs the hub-state context on the default H2 URL of {@code application.yml}. */
class HubStateContextOnH2Test extends HubStateContextTest {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("huitong.data-dir", () -> dataDirectory.toString());
    }
}
