package org.huitong.security.apikeys;

import java.time.Instant;
import java.util.List;
import org.huitong.audit.AuditLog;
import org.huitong.security.DepartmentCodes;
import org.huitong.security.ForbiddenException;
import org.huitong.security.HubRole;
import org.huitong.security.HubUser;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and revokes API keys. Administrators manage every key; a department
 * administrator manages only DEPARTMENT_ADMIN keys of its own department.
 */
@Service
public class ApiKeyService {

    static final String TARGET_TYPE = "api-key";

    private final ApiKeyRepository keys;

    private final AuditLog audit;

    public ApiKeyService(ApiKeyRepository keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** Creates a key and returns it with the key value, which is stored only as a hash. */
    @Transactional
    public ApiKeyRequests.Created create(ApiKeyRequests.Create request, HubUser caller) {
        HubRole role = request.role();
        String department = blankToNull(request.departmentCode());
        if (caller.role() == HubRole.DEPARTMENT_ADMIN) {
            role = role == null ? HubRole.DEPARTMENT_ADMIN : role;
            department = department == null ? caller.departmentCode() : department;
            if (role != HubRole.DEPARTMENT_ADMIN) {
                throw new ForbiddenException("api-key.role-not-allowed", role.name());
            }
            if (!caller.canManage(department)) {
                throw ForbiddenException.otherDepartment(caller, department);
            }
        } else if (caller.role() != HubRole.ADMIN) {
            throw ForbiddenException.role(caller);
        }
        if (role == null) {
            throw new InvalidRequestException("api-key.role-required");
        }
        DepartmentCodes.requireValidFor(role, department);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw new InvalidRequestException("api-key.expiry-past", request.expiresAt().toString());
        }

        String key = ApiKeyTokens.generate();
        long id = keys.insert(request.name().strip(), ApiKeyTokens.displayPrefix(key), ApiKeyTokens.hash(key), role,
                department, caller.name(), request.expiresAt());
        ApiKey created = keys.find(id).orElseThrow();
        audit.record("API_KEY_CREATED", TARGET_TYPE, String.valueOf(id), department, null, created);
        return new ApiKeyRequests.Created(created, key);
    }

    /**
     * Issues a key for a subscribing system and returns the key value, which is stored only as a
     * hash. The caller checks that the user may manage the subscriber and audits the issue.
     */
    public String issueForSubscriber(String subscriberId, String createdBy) {
        String key = ApiKeyTokens.generate();
        keys.insert("subscriber " + subscriberId, ApiKeyTokens.displayPrefix(key), ApiKeyTokens.hash(key),
                HubRole.SUBSCRIBER, null, subscriberId, createdBy, null);
        return key;
    }

    /**
     * Returns keys newest first. A department administrator gets only its own department's keys.
     *
     * @param department filter of an administrator; null for all departments
     */
    public List<ApiKey> list(HubUser caller, String department, int offset, int limit) {
        return keys.find(visibleDepartment(caller, department), offset, limit);
    }

    public long count(HubUser caller, String department) {
        return keys.count(visibleDepartment(caller, department));
    }

    /** Returns one key, if the caller may see it. */
    public ApiKey get(long id, HubUser caller) {
        ApiKey key = keys.find(id).orElseThrow(() -> new NotFoundException("api-key.not-found", String.valueOf(id)));
        requireManageable(key, caller);
        return key;
    }

    /** Revokes a key; revoking a revoked key changes nothing and returns it as it is. */
    @Transactional
    public ApiKey revoke(long id, HubUser caller) {
        ApiKey key = keys.find(id).orElseThrow(() -> new NotFoundException("api-key.not-found", String.valueOf(id)));
        requireManageable(key, caller);
        if (!keys.revoke(id)) {
            return key;
        }
        ApiKey revoked = keys.find(id).orElseThrow();
        audit.record("API_KEY_REVOKED", TARGET_TYPE, String.valueOf(id), key.departmentCode(), key, revoked);
        return revoked;
    }

    private static void requireManageable(ApiKey key, HubUser caller) {
        if (caller.role() == HubRole.DEPARTMENT_ADMIN && !caller.canManage(key.departmentCode())) {
            throw ForbiddenException.otherDepartment(caller, key.departmentCode());
        }
        if (caller.role() != HubRole.ADMIN && caller.role() != HubRole.DEPARTMENT_ADMIN) {
            throw ForbiddenException.role(caller);
        }
    }

    private static String visibleDepartment(HubUser caller, String department) {
        String requested = blankToNull(department);
        if (caller.role() == HubRole.ADMIN) {
            return requested;
        }
        if (caller.role() != HubRole.DEPARTMENT_ADMIN) {
            throw ForbiddenException.role(caller);
        }
        if (requested != null && !caller.canManage(requested)) {
            throw ForbiddenException.otherDepartment(caller, requested);
        }
        return caller.departmentCode();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
