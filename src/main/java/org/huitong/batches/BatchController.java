package org.huitong.batches;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huitong.web.NotFoundException;
import org.huitong.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-file batches and their counts. */
@RestController
@RequestMapping("/api/batches")
@Tag(name = "batches", description = "Per-file batches with counts / 每个文件的处理批次及计数")
public class BatchController {

    private final BatchRepository batches;

    public BatchController(BatchRepository batches) {
        this.batches = batches;
    }

    @GetMapping
    @Operation(summary = "List batches, newest first / 按时间倒序列出批次")
    public List<Batch> list(
            @Parameter(description = "Connector id; all connectors when absent")
            @RequestParam(name = "connector", required = false) String connector,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        PageRequest page = new PageRequest(offset, limit);
        return batches.find(connector, page.offset(), page.limit());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One batch / 单个批次")
    public Batch get(@PathVariable("id") long id) {
        return batches.findById(id)
                .orElseThrow(() -> new NotFoundException("batch.not-found", String.valueOf(id)));
    }
}
