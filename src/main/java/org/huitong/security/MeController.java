package org.huitong.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.huitong.security.users.UserRequests;
import org.huitong.security.users.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own identity and password. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "me", description = "The authenticated caller / 当前调用者")
public class MeController {

    private final CurrentUser currentUser;

    private final UserService users;

    public MeController(CurrentUser currentUser, UserService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    /**
     * The caller.
     *
     * @param authentication PASSWORD, API_KEY or JWT
     * @param subscriberId the subscribing system a SUBSCRIBER key acts for; null for other roles
     */
    public record Me(String name, HubRole role, String departmentCode, AuthenticationMethod authentication,
                     String subscriberId) {
    }

    @GetMapping
    @Operation(summary = "Who is calling: name, role, department and how authenticated / "
            + "当前调用者：名称、角色、部门及认证方式")
    public Me me() {
        HubUser user = currentUser.get();
        return new Me(user.name(), user.role(), user.departmentCode(), currentUser.method(), user.subscriberId());
    }

    @PostMapping("/password")
    @Operation(summary = "Change your own password (built-in users only) / 修改自己的密码（仅内置用户）")
    public ResponseEntity<Void> changePassword(@Valid @RequestBody UserRequests.ChangePassword request) {
        if (currentUser.method() != AuthenticationMethod.PASSWORD) {
            throw new ForbiddenException("password.built-in-only", currentUser.method().name());
        }
        users.changeOwnPassword(currentUser.get().name(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
