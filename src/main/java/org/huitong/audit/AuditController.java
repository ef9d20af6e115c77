package org.huitong.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searches the audit log; for administrators and auditors only. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Who changed what, and failed or denied attempts / 操作审计日志")
public class AuditController {

    /** Maximum length of a text filter, longer than any stored value. */
    static final int MAX_FILTER_LENGTH = 256;

    private final AuditRepository audit;

    public AuditController(AuditRepository audit) {
        this.audit = audit;
    }

    /** A page of audit events and the total that match the filters. */
    public record Page(long total, List<AuditEvent> items) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(summary = "Search the audit log, newest first (ADMIN, AUDITOR) / 按时间倒序查询审计日志（管理员、审计员）")
    public Page list(
            @Parameter(description = "Caller name, for example admin or api-key:7 / 操作者")
            @RequestParam(name = "actor", required = false) String actor,
            @Parameter(description = "Action, for example USER_CREATED or LOGIN_FAILED / 操作类型")
            @RequestParam(name = "action", required = false) String action,
            @Parameter(description = "Type of the object, for example user or api-key / 对象类型")
            @RequestParam(name = "targetType", required = false) String targetType,
            @RequestParam(name = "targetId", required = false) String targetId,
            @RequestParam(name = "department", required = false) String department,
            @Parameter(description = "Events at or after this ISO-8601 instant, for example "
                    + "2025-01-31T00:00:00Z / 起始时间（含）")
            @RequestParam(name = "from", required = false) Instant from,
            @Parameter(description = "Events before this ISO-8601 instant / 截止时间（不含）")
            @RequestParam(name = "to", required = false) Instant to,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        PageRequest page = new PageRequest(offset, limit);
        AuditQuery query = new AuditQuery(checked("actor", actor), checked("action", action),
                checked("targetType", targetType), checked("targetId", targetId),
                checked("department", department), from, to);
        return new Page(audit.count(query), audit.find(query, page.offset(), page.limit()));
    }

    private static String checked(String parameter, String value) {
        if (value != null && value.length() > MAX_FILTER_LENGTH) {
            throw new InvalidRequestException("audit.filter.too-long", parameter, MAX_FILTER_LENGTH);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
