package org.huitong.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes RFC 9457 problem details from servlet filters, which run before Spring MVC and so
 * cannot use {@link org.huitong.web.ApiExceptionHandler}. The language follows Accept-Language
 * through the hub's {@link LocaleResolver}, as for other API errors.
 */
@Component
public class ProblemResponses {

    private final Messages messages;

    private final LocaleResolver locales;

    private final ObjectMapper json;

    public ProblemResponses(Messages messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** Returns the detail text of {@code key} in the request's language. */
    public String detail(HttpServletRequest request, String key, Object... args) {
        Locale locale = locales.resolveLocale(request);
        return messages.text(key, args).forLocale(locale);
    }

    /** Writes a problem with the given status and the rendered message as its detail. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String key, Object... args) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(request, key, args));
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            // A path the servlet container accepted but URI does not: leave the member out.
            return null;
        }
    }
}
