package org.huitong.batches;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huitong.web.NotFoundException;
import org.huitong.connectors.DepartmentAccess;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-file batches and their counts. A department administrator may read only its own department's. */
@RestController
@RequestMapping("/api/batches")
@Tag(name = "batches", description = "Per-file batches with counts / 每个文件的处理批次及计数")
public class BatchController {

    private final BatchRepository batches;
    private final DepartmentAccess access;
    private final CurrentUser currentUser;

    public BatchController(BatchRepository batches, DepartmentAccess access, CurrentUser currentUser) {
        this.batches = batches;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List batches, newest first / 按时间倒序列出批次")
    public List<Batch> list(
            @Parameter(description = "Connector id; all connectors when absent")
            @RequestParam(name = "connector", required = false) String connector,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        PageRequest page = new PageRequest(offset, limit);
        HubUser user = currentUser.get();
        if (connector != null) {
            access.requireRead(user, connector);
        }
        return batches.find(connector, access.listScope(user), page.offset(), page.limit());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One batch / 单个批次")
    public Batch get(@PathVariable("id") long id) {
        Batch batch = batches.findById(id)
                .orElseThrow(() -> new NotFoundException("batch.not-found", String.valueOf(id)));
        access.requireRead(currentUser.get(), batch.connectorId());
        return batch;
    }
}
