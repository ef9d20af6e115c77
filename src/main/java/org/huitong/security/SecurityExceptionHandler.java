package org.huitong.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns denials inside controllers into audited 403 problem details: a {@link ForbiddenException}
 * from a department or role check, or an {@link AccessDeniedException} from {@code @PreAuthorize}.
 */
@RestControllerAdvice
public class SecurityExceptionHandler {

    private final Messages messages;

    private final AccessDenials denials;

    public SecurityExceptionHandler(Messages messages, AccessDenials denials) {
        this.messages = messages;
        this.denials = denials;
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request, Locale locale) {
        denials.record(request, e.departmentCode(), e.messageKey(), e.args());
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.text(e.messageKey(), e.args()).forLocale(locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request, Locale locale) {
        String role = CurrentUser.find().map(user -> user.role().name()).orElse("-");
        Object[] args = {role, request.getMethod(), request.getRequestURI()};
        denials.record(request, null, "access.path", args);
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.text("access.path", args).forLocale(locale));
    }
}
