package org.huitong.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class MachineServicesTest {

    @Test
    void absentServerSkipsOrFailsByFlag() {
        int port = HubTestEnvironment.freePort();
        boolean required = "true".equalsIgnoreCase(System.getenv(MachineServices.REQUIRE_FLAG));

        assertThatThrownBy(() -> MachineServices.require("Test server", "127.0.0.1", port))
                .isInstanceOf(required ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining("Test server is not running at 127.0.0.1:" + port);
    }

    @Test
    void listeningServerPasses() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> MachineServices.require("Test server", "127.0.0.1", server.getLocalPort()))
                    .doesNotThrowAnyException();
        }
    }
}
