package org.huitong.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Responds to a request without valid credentials: 401 (429 while logins are throttled) with a
 * problem detail in the request's language and {@code WWW-Authenticate} challenges for the
 * methods the hub accepts.
 */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "Huitong";

    private final ProblemResponses problems;

    private final ObjectProvider<JwtDecoder> jwtDecoder;

    public ProblemAuthenticationEntryPoint(ProblemResponses problems, ObjectProvider<JwtDecoder> jwtDecoder) {
        this.problems = problems;
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        if (failure instanceof HubAuthenticationException hub) {
            writeHubFailure(request, response, hub);
        } else if (failure instanceof OAuth2AuthenticationException oauth) {
            challenge(response, true);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.token.invalid", describe(oauth));
        } else if (failure instanceof BadCredentialsException) {
            challenge(response, false);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
        } else if (failure instanceof InsufficientAuthenticationException) {
            challenge(response, false);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
        } else {
            challenge(response, false);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.failed");
        }
    }

    private void writeHubFailure(HttpServletRequest request, HttpServletResponse response,
                                 HubAuthenticationException failure) throws IOException {
        if (failure.retryAt() != null) {
            long seconds = Math.max(1, Duration.between(Instant.now(), failure.retryAt()).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        } else {
            challenge(response, failure.messageKey().startsWith("auth.token."));
        }
        problems.write(request, response, failure.status(), failure.messageKey(), failure.args());
    }

    private void challenge(HttpServletResponse response, boolean invalidToken) {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        if (jwtDecoder.getIfAvailable() != null) {
            String error = invalidToken ? ", error=\"invalid_token\"" : "";
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"" + error);
        }
    }

    private static String describe(OAuth2AuthenticationException failure) {
        String description = failure.getError().getDescription();
        return description != null ? description : failure.getError().getErrorCode();
    }
}
