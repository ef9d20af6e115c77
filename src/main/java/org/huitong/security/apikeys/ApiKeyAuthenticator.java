package org.huitong.security.apikeys;

import java.time.Instant;
import org.huitong.audit.AuditLog;
import org.huitong.security.AuthenticationMethod;
import org.huitong.security.HubAuthentication;
import org.huitong.security.HubAuthenticationException;
import org.huitong.security.HubUser;
import org.springframework.stereotype.Component;

/**
 * Checks the value of an {@code X-API-Key} header. Failures are audited as {@code LOGIN_FAILED}
 * with the key's first characters, never the whole key.
 */
@Component
public class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;

    private final AuditLog audit;

    public ApiKeyAuthenticator(ApiKeyRepository keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * Returns the authentication of a valid key.
     *
     * @throws HubAuthenticationException if the key is malformed, unknown, revoked or expired
     */
    public HubAuthentication authenticate(String key) {
        String prefix = ApiKeyTokens.displayPrefix(key);
        if (!ApiKeyTokens.isWellFormed(key)) {
            throw failed(prefix, null, "malformed key", "auth.api-key.invalid");
        }
        ApiKey found = keys.findByHash(ApiKeyTokens.hash(key))
                .orElseThrow(() -> failed(prefix, null, "unknown key", "auth.api-key.invalid"));
        Instant now = Instant.now();
        if (found.revokedAt() != null) {
            throw failed(prefix, found.departmentCode(), "revoked key " + found.id(), "auth.api-key.revoked",
                    prefix, found.revokedAt().toString());
        }
        if (found.isExpired(now)) {
            throw failed(prefix, found.departmentCode(), "expired key " + found.id(), "auth.api-key.expired",
                    prefix, found.expiresAt().toString());
        }
        keys.markUsed(found.id(), now);
        HubUser user = new HubUser(found.actorName(), found.role(), found.departmentCode(), found.subscriberId());
        return new HubAuthentication(user, AuthenticationMethod.API_KEY);
    }

    private HubAuthenticationException failed(String prefix, String department, String reason, String messageKey,
                                              Object... args) {
        audit.recordFailure("LOGIN_FAILED", ApiKeyService.TARGET_TYPE, prefix, department, AuditLog.FAILURE, reason);
        return HubAuthenticationException.unauthorized(messageKey, args);
    }
}
