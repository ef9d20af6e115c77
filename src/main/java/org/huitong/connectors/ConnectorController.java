package org.huitong.connectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.huitong.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connectors with their state and last batch. */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "connectors", description = "Registered connectors / 已注册的接入器")
public class ConnectorController {

    private final ConnectorStatus status;

    public ConnectorController(ConnectorStatus status) {
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "List connectors with state and last batch / 列出接入器及其状态和最近批次")
    public List<ConnectorView> list(Locale locale) {
        return status.all(locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connector / 单个接入器")
    public ConnectorView get(@PathVariable("id") String id, Locale locale) {
        return status.find(id, locale).orElseThrow(() -> new NotFoundException("connector.not-found", id));
    }
}
