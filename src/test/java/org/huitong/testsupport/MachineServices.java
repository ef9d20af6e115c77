package org.huitong.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks for a server that a test expects to be running on this machine, such as the local
 * PostgreSQL. When none listens, the test is skipped with a message naming the server, so the
 * suite still passes on a machine without it; with the environment variable
 * {@value #REQUIRE_FLAG}{@code =true} (as CI sets) the test fails instead.
 */
public final class MachineServices {

    public static final String REQUIRE_FLAG = "HUITONG_REQUIRE_SERVICES";

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private MachineServices() {
    }

    /** Skips or fails the calling test unless something accepts connections at host:port. */
    public static void require(String name, String host, int port) {
        if (listening(host, port)) {
            return;
        }
        String message = name + " is not running at " + host + ":" + port;
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_FLAG))) {
            Assertions.fail(message + ", and " + REQUIRE_FLAG + "=true requires it");
        }
        System.err.println("SKIPPED: " + message + "; set " + REQUIRE_FLAG
                + "=true to make this a failure");
        Assumptions.abort(message);
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
