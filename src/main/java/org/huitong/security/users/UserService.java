package org.huitong.security.users;

import java.util.List;
import java.util.Objects;
import org.huitong.audit.AuditLog;
import org.huitong.security.DepartmentCodes;
import org.huitong.security.HubRole;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and disables built-in users. Every change is written to the audit log in the
 * same transaction. Users are never deleted, so that audit entries keep pointing at a known name.
 */
@Service
public class UserService {

    static final String TARGET_TYPE = "user";

    private final UserRepository users;

    private final PasswordEncoder passwords;

    private final AuditLog audit;

    public UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    public UserView get(String username) {
        return require(username).view();
    }

    public List<UserView> list(int offset, int limit) {
        return users.findAll(offset, limit).stream().map(UserAccount::view).toList();
    }

    public long count() {
        return users.count();
    }

    /**
     * Creates a user.
     *
     * @param createdBy the name of the administrator, or {@code system} at start-up
     */
    @Transactional
    public UserView create(UserRequests.Create request, String createdBy) {
        String department = blankToNull(request.departmentCode());
        DepartmentCodes.requireValidFor(request.role(), department);
        PasswordPolicy.check(request.username(), request.password());
        try {
            users.insert(request.username(), passwords.encode(request.password()), request.role(), department,
                    createdBy);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("user.exists", request.username());
        }
        UserView created = require(request.username()).view();
        audit.record("USER_CREATED", TARGET_TYPE, created.username(), department, null, created);
        return created;
    }

    /** Applies the fields present in {@code request}; a new password replaces the old one. */
    @Transactional
    public UserView update(String username, UserRequests.Update request) {
        UserAccount current = require(username);
        HubRole role = request.role() != null ? request.role() : current.role();
        String department = departmentAfterUpdate(current, role, blankToNull(request.departmentCode()));
        boolean enabled = request.enabled() != null ? request.enabled() : current.enabled();
        DepartmentCodes.requireValidFor(role, department);
        if (current.role() == HubRole.ADMIN && current.enabled() && (role != HubRole.ADMIN || !enabled)) {
            requireAnotherAdmin(username);
        }

        users.update(username, role, department, enabled);
        if (request.password() != null) {
            PasswordPolicy.check(username, request.password());
            users.updatePassword(username, passwords.encode(request.password()));
            audit.record("USER_PASSWORD_RESET", TARGET_TYPE, username, department, null, null);
        }
        UserView updated = require(username).view();
        audit.record("USER_UPDATED", TARGET_TYPE, username, department, current.view(), updated);
        return updated;
    }

    /** Disables a user, who can no longer log in; PATCH with {@code enabled: true} enables it again. */
    @Transactional
    public UserView disable(String username) {
        UserAccount current = require(username);
        if (current.role() == HubRole.ADMIN && current.enabled()) {
            requireAnotherAdmin(username);
        }
        users.update(username, current.role(), current.departmentCode(), false);
        UserView disabled = require(username).view();
        audit.record("USER_DISABLED", TARGET_TYPE, username, current.departmentCode(), current.view(), disabled);
        return disabled;
    }

    /** Changes a user's own password after checking the current one. */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = require(username);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            audit.recordFailure("PASSWORD_CHANGED", TARGET_TYPE, username, account.departmentCode(),
                    AuditLog.FAILURE, "current password wrong");
            throw new InvalidRequestException("password.current-wrong");
        }
        PasswordPolicy.check(username, newPassword);
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new InvalidRequestException("password.unchanged");
        }
        users.updatePassword(username, passwords.encode(newPassword));
        audit.record("PASSWORD_CHANGED", TARGET_TYPE, username, account.departmentCode(), null, null);
    }

    private String departmentAfterUpdate(UserAccount current, HubRole role, String requested) {
        if (requested != null) {
            return requested;
        }
        // Keeps the department while the user stays a department administrator, and drops it
        // when the role changes to one without a department.
        return role == HubRole.DEPARTMENT_ADMIN ? current.departmentCode() : null;
    }

    private void requireAnotherAdmin(String username) {
        // NOTE: two concurrent requests that each demote a different administrator can both pass
        // this check. READ COMMITTED does not lock the rows that the count reads.
        if (users.countEnabledAdmins() <= 1) {
            throw new ConflictException("user.last-admin", username);
        }
    }

    private UserAccount require(String username) {
        Objects.requireNonNull(username, "username");
        return users.find(username).orElseThrow(() -> new NotFoundException("user.not-found", username));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
