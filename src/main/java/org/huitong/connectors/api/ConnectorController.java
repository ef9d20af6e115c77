package org.huitong.connectors.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.DescriptorCheck;
import org.huitong.connectors.DescriptorReader;
import org.huitong.connectors.lifecycle.ConnectorMonitor;
import org.huitong.connectors.lifecycle.JdbcLifecycleStore;
import org.huitong.connectors.lifecycle.StateChange;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connectors: list, read, create, update, delete, validate, and their state history. Bodies
 * are descriptors in YAML or JSON, at most {@value DescriptorReader#MAX_DESCRIPTOR_BYTES} bytes.
 */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "connectors", description = "Connector registry / 接入器注册")
public class ConnectorController {

    private static final String DESCRIPTOR_TYPES = "application/json, application/yaml, text/yaml";

    private final ConnectorViews views;
    private final ConnectorService service;
    private final DescriptorReader reader;
    private final JdbcLifecycleStore lifecycle;
    private final CurrentUser currentUser;
    private final ConnectorMonitor monitor;

    public ConnectorController(ConnectorViews views, ConnectorService service, DescriptorReader reader,
                               JdbcLifecycleStore lifecycle, CurrentUser currentUser, ConnectorMonitor monitor) {
        this.monitor = monitor;
        this.views = views;
        this.service = service;
        this.reader = reader;
        this.lifecycle = lifecycle;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List the connectors you may see, with state and last batch / 列出可见的接入器及其状态和最近批次")
    public List<ConnectorView> list(Locale locale) {
        return views.visible(currentUser.get(), locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connector, with its descriptor (secrets masked) / 单个接入器及其描述（保密参数已隐藏）")
    public ResponseEntity<ConnectorView> get(@PathVariable("id") String id, Locale locale) {
        ConnectorView view = views.visible(id, currentUser.get(), locale);
        return ResponseEntity.ok().eTag(String.valueOf(view.revision())).body(view);
    }

    @GetMapping("/schema")
    @Operation(summary = "JSON Schema of connector descriptors / 接入器描述文件的 JSON Schema")
    public JsonNode schema() {
        return reader.schemaDocument();
    }

    @PostMapping
    @Operation(summary = "Create a connector from a YAML or JSON descriptor; it starts at once / 用 YAML 或 JSON 描述新建接入器，立即启动",
            requestBody = @RequestBody(description = "Connector descriptor / 接入器描述 (" + DESCRIPTOR_TYPES + ")"))
    public ResponseEntity<ConnectorView> create(HttpServletRequest request, Locale locale) {
        HubUser user = currentUser.get();
        ConnectorEntry created = service.create(RequestBodies.descriptor(request), user);
        monitor.observe(created.id(), user.name());
        return ResponseEntity.created(URI.create("/api/connectors/" + created.id()))
                .body(views.visible(created.id(), user, locale));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a connector's descriptor; only its route restarts / 替换接入器描述，只重启该接入器的路由",
            requestBody = @RequestBody(description = "Connector descriptor / 接入器描述 (" + DESCRIPTOR_TYPES + ")"))
    public ConnectorView update(@PathVariable("id") String id,
                                @Parameter(description = "Revision last read; the update fails with 409 if it changed / 最近读取的修订号")
                                @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                HttpServletRequest request, Locale locale) {
        HubUser user = currentUser.get();
        service.update(id, RequestBodies.descriptor(request), revision(ifMatch), user);
        monitor.observe(id, user.name());
        return views.visible(id, user, locale);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a connector; its batches and quarantine stay / 删除接入器，其批次和隔离记录保留")
    public ResponseEntity<Void> delete(@PathVariable("id") String id) {
        service.delete(id, currentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/validate")
    @Operation(summary = "Check a descriptor without saving it / 校验描述文件但不保存",
            requestBody = @RequestBody(description = "Connector descriptor / 接入器描述 (" + DESCRIPTOR_TYPES + ")"))
    public ValidationView validate(HttpServletRequest request, Locale locale) {
        currentUser.get();
        DescriptorCheck check = service.validate(RequestBodies.descriptor(request));
        return new ValidationView(check.valid(), check.id(),
                check.errors().stream().map(error -> views.errorView(error, locale)).toList());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "State changes of a connector, newest first / 接入器的状态变化，最新在前")
    public List<StateChange> history(@PathVariable("id") String id,
                                     @RequestParam(value = "offset", defaultValue = "0") int offset,
                                     @RequestParam(value = "limit", defaultValue = "100") int limit) {
        views.readable(id, currentUser.get());
        PageRequest page = new PageRequest(offset, limit);
        return lifecycle.history(id, page.offset(), page.limit());
    }

    /**
     * The outcome of {@code POST /api/connectors/validate}.
     *
     * @param id the descriptor's id, when it has a readable one
     */
    public record ValidationView(boolean valid, String id, List<ConnectorView.ErrorView> errors) {
    }

    private static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.replace("\"", "").trim();
        if (!value.matches("^[0-9]{1,18}$")) {
            throw new InvalidRequestException("request.parameter.invalid", "If-Match", ifMatch);
        }
        return Long.parseLong(value);
    }
}
