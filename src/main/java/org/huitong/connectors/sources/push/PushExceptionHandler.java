package org.huitong.connectors.sources.push;

import java.util.Locale;
import org.huitong.i18n.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused pushes into RFC 9457 problem details in the request's language. */
@RestControllerAdvice(assignableTypes = PushController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PushExceptionHandler {

    /** Realm named in the WWW-Authenticate header of a 401. */
    static final String REALM = "huitong-push";

    private final Messages messages;

    public PushExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PushRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(PushRejectedException e, Locale locale) {
        String detail = messages.text(e.messageKey(), e.args()).forLocale(locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), detail);
        problem.setProperty("code", e.messageKey());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        return response.body(problem);
    }
}
