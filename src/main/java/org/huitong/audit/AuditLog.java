package org.huitong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. The actor, the actor's role and the remote address come from the current
 * request and security context; outside a request the actor is {@code system}.
 *
 * <p>{@link #record} joins the caller's transaction, so a change and its audit entry commit or
 * roll back together. Objects are stored as JSON with every field whose name looks like a secret
 * (password, secret, token, apiKey, api_key, credential, privateKey) replaced by {@code "***"}.
 */
@Component
public class AuditLog {

    public static final String SUCCESS = "SUCCESS";

    public static final String FAILURE = "FAILURE";

    public static final String DENIED = "DENIED";

    /** The actor of a request without an authenticated user, such as a failed login. */
    public static final String ANONYMOUS = "anonymous";

    /** The actor of actions outside any request, such as creating the first administrator. */
    public static final String SYSTEM = "system";

    /** Maximum characters kept of a name or id; longer values, such as a user name tried by an attacker, are cut. */
    static final int MAX_NAME_LENGTH = 200;

    /** Maximum characters kept of a reason. */
    static final int MAX_REASON_LENGTH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private static final Set<String> FAILURE_OUTCOMES = Set.of(FAILURE, DENIED);

    private final AuditRepository repository;

    private final ObjectMapper json;

    public AuditLog(AuditRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * Records a successful change in the caller's transaction.
     *
     * @param before the object before the change, or null for a creation
     * @param after the object after the change, or null for a deletion
     */
    public void record(String action, String targetType, String targetId, String departmentCode,
                       Object before, Object after) {
        repository.insert(event(action, targetType, targetId, departmentCode, SUCCESS, null,
                toJson(before), toJson(after)));
    }

    /**
     * Records a failed or denied attempt. A database error is logged, not thrown, so that the
     * caller still receives its 401 or 403 response.
     *
     * @param outcome {@link #FAILURE} or {@link #DENIED}
     */
    public void recordFailure(String action, String targetType, String targetId, String departmentCode,
                              String outcome, String reason) {
        if (!FAILURE_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Outcome of a failure must be FAILURE or DENIED, but was " + outcome);
        }
        AuditEvent event = event(action, targetType, targetId, departmentCode, outcome,
                cut(reason, MAX_REASON_LENGTH), null, null);
        // Failures are logged too, for log-based alerting; user names tried may contain anything,
        // so control characters are replaced to keep each event on one line.
        LOG.info("{} {}: {} {} by {} from {}: {}", action, outcome, targetType, printable(event.targetId()),
                printable(event.actor()), event.remoteAddress(), printable(event.reason()));
        try {
            repository.insert(event);
        } catch (DataAccessException e) {
            LOG.error("Could not write audit event {} {} for {} {}: {}", action, outcome, targetType,
                    cut(targetId, MAX_NAME_LENGTH), e.getMessage(), e);
        }
    }

    private AuditEvent event(String action, String targetType, String targetId, String departmentCode,
                             String outcome, String reason, JsonNode before, JsonNode after) {
        HttpServletRequest request = currentRequest();
        HubUser user = CurrentUser.find().orElse(null);
        String actor = SYSTEM;
        if (user != null) {
            actor = user.name();
        } else if (request != null) {
            actor = ANONYMOUS;
        }
        String role = user != null ? user.role().name() : null;
        String remoteAddress = request != null ? request.getRemoteAddr() : null;

        return new AuditEvent(0, Instant.now().truncatedTo(ChronoUnit.MICROS), cut(actor, MAX_NAME_LENGTH),
                role, action, targetType, cut(targetId, MAX_NAME_LENGTH), departmentCode, outcome, reason,
                before, after, remoteAddress);
    }

    private JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        // Redaction works in place, so it gets a copy and never changes the caller's object.
        JsonNode tree = value instanceof JsonNode node ? node.deepCopy() : json.valueToTree(value);
        return AuditRedaction.redact(tree);
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private static String printable(String value) {
        return value == null ? null : value.replaceAll("\\p{Cntrl}", "?");
    }

    private static String cut(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return value.substring(0, end) + "…";
    }
}
