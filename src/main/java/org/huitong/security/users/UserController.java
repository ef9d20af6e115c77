package org.huitong.security.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.huitong.security.CurrentUser;
import org.huitong.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Built-in users who log in with HTTP Basic; administrators only. */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "users", description = "Built-in users (ADMIN only) / 内置用户（仅管理员）")
public class UserController {

    private final UserService users;

    private final CurrentUser currentUser;

    public UserController(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    /** A page of users and the total number of users. */
    public record Page(long total, List<UserView> items) {
    }

    @GetMapping
    @Operation(summary = "List users by name / 按用户名列出用户")
    public Page list(@RequestParam(name = "offset", defaultValue = "0") int offset,
                     @RequestParam(name = "limit", defaultValue = "50") int limit) {
        PageRequest page = new PageRequest(offset, limit);
        return new Page(users.count(), users.list(page.offset(), page.limit()));
    }

    @PostMapping
    @Operation(summary = "Create a user; departmentCode is required for DEPARTMENT_ADMIN only / "
            + "创建用户；仅部门管理员需要 departmentCode")
    public ResponseEntity<UserView> create(@Valid @RequestBody UserRequests.Create request) {
        UserView created = users.create(request, currentUser.get().name());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One user / 单个用户")
    public UserView get(@PathVariable("name") String name) {
        return users.get(name);
    }

    @PatchMapping("/{name}")
    @Operation(summary = "Change role, department, enabled flag or password; absent fields stay / "
            + "修改角色、部门、启用状态或密码；未给出的字段不变")
    public UserView update(@PathVariable("name") String name, @Valid @RequestBody UserRequests.Update request) {
        return users.update(name, request);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Disable a user; users are never deleted, so audit entries stay traceable / "
            + "停用用户；用户不会被删除，以便审计记录可追溯")
    public UserView disable(@PathVariable("name") String name) {
        return users.disable(name);
    }
}
