package org.huitong.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns invalid request bodies into 400 problem details in the request's language.
 *
 * <p>A Bean Validation constraint on a request body names a message key as its {@code message},
 * for example {@code @NotNull(message = "body.required")}; the key's argument {0} is the field
 * name. The rejected value is never repeated, because it may be a password. The problem has an
 * {@code errors} member listing every invalid field, and its detail is the first message.
 */
@RestControllerAdvice
public class RequestBodyExceptionHandler {

    private final Messages messages;

    public RequestBodyExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalidBody(MethodArgumentNotValidException e, Locale locale) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", render(error, locale)));
        }
        String detail = errors.isEmpty()
                ? messages.text("request.body.invalid", "-").forLocale(locale)
                : errors.get(0).get("message");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadableBody(HttpMessageNotReadableException e, Locale locale) {
        // The first line of Jackson's message names the field and the expected type. Since
        // Jackson 2.16 it no longer quotes the request's source text.
        String reason = e.getMostSpecificCause().getMessage();
        String firstLine = reason == null ? "-" : reason.lines().findFirst().orElse("-");
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.text("request.body.invalid", firstLine).forLocale(locale));
    }

    private String render(FieldError error, Locale locale) {
        String key = error.getDefaultMessage();
        try {
            return messages.text(key, error.getField()).forLocale(locale);
        } catch (MissingResourceException | NullPointerException e) {
            return messages.text("request.field.invalid", error.getField()).forLocale(locale);
        }
    }
}
