package org.huitong.connectors.sources.sftp;

import org.huitong.connectors.lifecycle.LocalizedFailure;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;

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

    private static final Messages MESSAGES = Messages.load("i18n/sftp");

    private SftpFailures() {
    }

    /**
     * Returns an exception whose message names the cause, with the original as its cause, or
     * the original when no cause is recognised.
     */
    static Exception explain(Exception failure) {
        String key = reasonKey(failure);
        return key == null ? failure : new SftpPollException(MESSAGES.text(key), failure);
    }

    /** Returns the message key of the recognised cause, or {@code null}. */
    private static String reasonKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.startsWith("HostKey has been changed")) {
                return "sftp.failure.host-key-changed";
            }
            if (message.startsWith("reject HostKey")) {
                return "sftp.failure.host-key-unknown";
            }
            if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
                return "sftp.failure.login-rejected";
            }
            if (message.startsWith("invalid privatekey")) {
                return "sftp.failure.private-key";
            }
            if (t instanceof ConnectException || message.contains("Connection refused")) {
                return "sftp.failure.refused";
            }
            if (t instanceof UnknownHostException) {
                return "sftp.failure.unknown-host";
            }
            if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || message.startsWith("timeout")) {
                return "sftp.failure.timeout";
            }
        }
        return null;
    }

    /** A failed poll, with the recognised reason as its message, in English, and in both languages. */
    static final class SftpPollException extends Exception implements LocalizedFailure {

        private final transient LocalizedText reason;

        SftpPollException(LocalizedText reason, Throwable cause) {
            super("SFTP: " + reason.en(), cause);
            this.reason = new LocalizedText("SFTP：" + reason.zh(), "SFTP: " + reason.en());
        }

        @Override
        public LocalizedText reason() {
            return reason;
        }
    }
}
