package org.huitong.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.huitong.audit.AuditLog;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The entry point of bearer-token requests: it audits a rejected token as {@code LOGIN_FAILED}
 * (target type {@code jwt}) and then responds like {@link ProblemAuthenticationEntryPoint}.
 * Spring Security calls it only for requests that carry a bearer token.
 */
class AuditedEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint delegate;

    private final AuditLog audit;

    AuditedEntryPoint(AuthenticationEntryPoint delegate, AuditLog audit) {
        this.delegate = delegate;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (!(failure instanceof InsufficientAuthenticationException)) {
            audit.recordFailure("LOGIN_FAILED", "jwt", null, null, AuditLog.FAILURE, failure.getMessage());
        }
        delegate.commence(request, response, failure);
    }
}
