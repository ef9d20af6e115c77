package org.huitong.web;

import java.util.Locale;
import org.huitong.exchange.management.BrokerManagementException;
import org.huitong.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Turns API errors into RFC 9457 problem details in the request's language. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;

    public ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalid(InvalidRequestException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST,
                messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    public ProblemDetail unavailable(ServiceUnavailableException e, Locale locale) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    /** Returns 503 for a request that needs the broker, such as queue statistics or dead letters, while it is unreachable. */
    @ExceptionHandler(BrokerManagementException.class)
    public ProblemDetail brokerUnavailable(BrokerManagementException e, Locale locale) {
        log.warn("A request failed because the broker did not respond: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, messages.text("broker.unavailable").forLocale(locale));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ProblemDetail tooLarge(PayloadTooLargeException e, Locale locale) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, messages.text("request.upload-too-large").forLocale(locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST,
                messages.text("request.parameter.invalid", e.getName(), String.valueOf(e.getValue()))
                        .forLocale(locale));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
