package org.huitong.connectors.sources.sftp;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Finds why an SFTP poll failed in the exception chain that Camel and JSch raise, and states it
 * in words an operator can act on. The JSch texts matched here are those of
 * com.github.mwiede:jsch 2.27 ({@code reject HostKey}, {@code HostKey has been changed},
 * {@code Auth fail}); an unknown cause keeps Camel's message.
 */
final class SftpFailures {

    private SftpFailures() {
    }

    /**
     * Returns an exception whose message names the cause, with the original as its cause, or
     * the original when no cause is recognised.
     */
    static Exception explain(Exception failure) {
        String reason = reason(failure);
        return reason == null ? failure : new SftpPollException(reason, failure);
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.startsWith("HostKey has been changed")) {
                return "the server's host key does not match knownHosts; the key may have been "
                        + "replaced or someone may be intercepting the connection. Confirm the new "
                        + "key's fingerprint with the server's administrator, then update knownHosts";
            }
            if (message.startsWith("reject HostKey")) {
                return "the server's host key is not in knownHosts; add the server's key "
                        + "(ssh-keyscan output, fingerprint confirmed with its administrator)";
            }
            if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
                return "login rejected by the server; check username, password and privateKey";
            }
            if (message.startsWith("invalid privatekey")) {
                return "privateKey cannot be read; give the whole key file in OpenSSH or PEM "
                        + "format and its passphrase if it is encrypted";
            }
            if (t instanceof ConnectException || message.contains("Connection refused")) {
                return "connection refused; the SFTP server is down or does not listen on this port";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host; check the host name";
            }
            if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || message.startsWith("timeout")) {
                return "the server did not answer in time; check the network path and connectTimeoutMs";
            }
        }
        return null;
    }

    /** A failed poll, with the recognised reason as its message. */
    static final class SftpPollException extends Exception {

        SftpPollException(String reason, Throwable cause) {
            super("SFTP: " + reason, cause);
        }
    }
}
