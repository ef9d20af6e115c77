package org.huitong.connectors.sources.http;

import java.io.IOException;
import org.huitong.i18n.LocalizedText;

/**
 * A poll of an HTTP source failed, with a reason shown to users in both languages. The reason
 * names the host and status but never a token, password or query string.
 */
public class HttpSourceException extends IOException implements org.huitong.connectors.lifecycle.LocalizedFailure {

    private final transient LocalizedText reason;

    public HttpSourceException(LocalizedText reason) {
        super(reason.en());
        this.reason = reason;
    }

    public HttpSourceException(LocalizedText reason, Throwable cause) {
        super(reason.en(), cause);
        this.reason = reason;
    }

    @Override
    public LocalizedText reason() {
        return reason;
    }
}
