package org.huitong.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Responds to an authenticated request that the URL rules deny with an audited 403 problem detail. */
@Component
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponses problems;

    private final AccessDenials denials;

    public ProblemAccessDeniedHandler(ProblemResponses problems, AccessDenials denials) {
        this.problems = problems;
        this.denials = denials;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String role = CurrentUser.find().map(user -> user.role().name()).orElse("-");
        denials.record(request, null, "access.path", role, request.getMethod(), request.getRequestURI());
        problems.write(request, response, HttpStatus.FORBIDDEN, "access.path", role, request.getMethod(),
                request.getRequestURI());
    }
}
