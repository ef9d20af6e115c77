package org.huitong.security;

import jakarta.servlet.http.HttpServletRequest;
import org.huitong.audit.AuditLog;
import org.huitong.i18n.Messages;
import org.springframework.stereotype.Component;

/** Writes every 403 response to the audit log as {@code ACCESS_DENIED} with the request's method and path. */
@Component
public class AccessDenials {

    static final String ACTION = "ACCESS_DENIED";

    private final AuditLog audit;

    private final Messages messages;

    public AccessDenials(AuditLog audit, Messages messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Records a denial; the reason is the English text of the message the caller receives.
     *
     * @param departmentCode the department whose data was requested, if known
     */
    public void record(HttpServletRequest request, String departmentCode, String messageKey, Object... args) {
        String target = request.getMethod() + " " + request.getRequestURI();
        audit.recordFailure(ACTION, "request", target, departmentCode, AuditLog.DENIED,
                messages.text(messageKey, args).en());
    }
}
