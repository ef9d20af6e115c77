package org.huitong.connectors.api;

import java.util.Locale;
import org.huitong.connectors.InvalidDescriptorException;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Responds to an invalid descriptor with 400 and every error, each with its field's path, in the
 * request's language, as the property {@code errors} of the problem detail.
 */
@RestControllerAdvice
public class ConnectorExceptionHandler {

    private final Messages messages;
    private final ConnectorViews views;

    public ConnectorExceptionHandler(Messages messages, ConnectorViews views) {
        this.messages = messages;
        this.views = views;
    }

    @ExceptionHandler(InvalidDescriptorException.class)
    public ProblemDetail invalidDescriptor(InvalidDescriptorException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.text("connector.descriptor-invalid", e.errors().size()).forLocale(locale));
        problem.setProperty("errors", e.errors().stream().map(error -> views.errorView(error, locale)).toList());
        return problem;
    }
}
