package org.huitong.quarantine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.huitong.connectors.DepartmentAccess;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quarantined records with their violations. A department administrator may read only its own department's. */
@RestController
@RequestMapping("/api/quarantine")
@Tag(name = "quarantine", description = "Rejected records and why / 被拒收的记录及原因")
public class QuarantineController {

    private final QuarantineRepository quarantine;
    private final DepartmentAccess access;
    private final CurrentUser currentUser;

    public QuarantineController(QuarantineRepository quarantine, DepartmentAccess access, CurrentUser currentUser) {
        this.quarantine = quarantine;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** A page of quarantined records and the total that match the filters. */
    public record Page(long total, List<QuarantineView> items) {
    }

    @GetMapping
    @Operation(summary = "List quarantined records; messages follow Accept-Language (Chinese by "
            + "default) / 列出被隔离的记录，提示语言随 Accept-Language（默认中文）")
    public Page list(@RequestParam(name = "connector", required = false) String connector,
                     @RequestParam(name = "batch", required = false) Long batch,
                     @RequestParam(name = "offset", defaultValue = "0") int offset,
                     @RequestParam(name = "limit", defaultValue = "50") int limit,
                     Locale locale) {
        PageRequest page = new PageRequest(offset, limit);
        HubUser user = currentUser.get();
        if (connector != null) {
            access.requireRead(user, connector);
        }
        String scope = access.listScope(user);
        List<QuarantineView> items = quarantine.find(connector, batch, scope, page.offset(), page.limit())
                .stream().map(record -> QuarantineView.of(record, locale)).toList();
        return new Page(quarantine.count(connector, batch, scope), items);
    }
}
