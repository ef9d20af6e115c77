package org.huitong.security.apikeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API keys for systems that call the hub; administrators, and department administrators for their department. */
@RestController
@RequestMapping("/api/api-keys")
@PreAuthorize("hasAnyRole('ADMIN', 'DEPARTMENT_ADMIN')")
@Tag(name = "api-keys", description = "API keys for calling systems / 供外部系统调用的 API 密钥")
public class ApiKeyController {

    private final ApiKeyService keys;

    private final CurrentUser currentUser;

    public ApiKeyController(ApiKeyService keys, CurrentUser currentUser) {
        this.keys = keys;
        this.currentUser = currentUser;
    }

    /** A page of keys and the total that match. */
    public record Page(long total, List<ApiKey> items) {
    }

    @GetMapping
    @Operation(summary = "List keys, newest first; never shows the key itself / 按时间倒序列出密钥（不显示密钥本身）")
    public Page list(
            @Parameter(description = "Department code; a department administrator always sees only its own / 部门代码")
            @RequestParam(name = "department", required = false) String department,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        PageRequest page = new PageRequest(offset, limit);
        HubUser caller = currentUser.get();
        return new Page(keys.count(caller, department), keys.list(caller, department, page.offset(), page.limit()));
    }

    @PostMapping
    @Operation(summary = "Create a key; the response is the only place the key is shown / "
            + "创建密钥；密钥仅在此响应中显示一次")
    public ResponseEntity<ApiKeyRequests.Created> create(@Valid @RequestBody ApiKeyRequests.Create request) {
        ApiKeyRequests.Created created = keys.create(request, currentUser.get());
        return ResponseEntity.created(URI.create("/api/api-keys/" + created.apiKey().id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One key, without the key itself / 单个密钥（不含密钥本身）")
    public ApiKey get(@PathVariable("id") long id) {
        return keys.get(id, currentUser.get());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key; it stops working at once / 吊销密钥，立即失效")
    public ApiKey revoke(@PathVariable("id") long id) {
        return keys.revoke(id, currentUser.get());
    }
}
