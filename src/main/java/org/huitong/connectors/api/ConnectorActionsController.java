package org.huitong.connectors.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.huitong.audit.AuditLog;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorState;
import org.huitong.connectors.lifecycle.ConnectorMonitor;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.connectors.lifecycle.ObservedState;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lifecycle actions on a connector. Each returns the connector as it is after the action. An
 * action that the connector's state does not allow returns 409, naming the states that allow it.
 */
@RestController
@RequestMapping("/api/connectors/{id}")
@Tag(name = "connectors")
public class ConnectorActionsController {

    private final ConnectorViews views;
    private final ConnectorRuntime runtime;
    private final ConnectorMonitor monitor;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    public ConnectorActionsController(ConnectorViews views, ConnectorRuntime runtime, ConnectorMonitor monitor,
                                      CurrentUser currentUser, AuditLog audit) {
        this.views = views;
        this.runtime = runtime;
        this.monitor = monitor;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause: stop polling, keep the route / 暂停：停止轮询，保留路由")
    public ConnectorView pause(@PathVariable("id") String id, Locale locale) throws Exception {
        return act(id, "pause", locale, ConnectorState.RUNNING, ConnectorState.DEGRADED, ConnectorState.STALE);
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume a paused connector / 恢复已暂停的接入器")
    public ConnectorView resume(@PathVariable("id") String id, Locale locale) throws Exception {
        return act(id, "resume", locale, ConnectorState.PAUSED);
    }

    @PostMapping("/stop")
    @Operation(summary = "Stop after the file in progress / 处理完当前文件后停止")
    public ConnectorView stop(@PathVariable("id") String id, Locale locale) throws Exception {
        return act(id, "stop", locale, ConnectorState.RUNNING, ConnectorState.DEGRADED, ConnectorState.STALE,
                ConnectorState.PAUSED);
    }

    @PostMapping("/start")
    @Operation(summary = "Start a stopped or failed connector / 启动已停止或失败的接入器")
    public ConnectorView start(@PathVariable("id") String id, Locale locale) throws Exception {
        return act(id, "start", locale, ConnectorState.STOPPED, ConnectorState.FAILED);
    }

    @PostMapping("/restart")
    @Operation(summary = "Rebuild and start the route / 重建并启动路由")
    public ConnectorView restart(@PathVariable("id") String id, Locale locale) throws Exception {
        return act(id, "restart", locale, ConnectorState.RUNNING, ConnectorState.DEGRADED, ConnectorState.STALE,
                ConnectorState.PAUSED, ConnectorState.STOPPED, ConnectorState.FAILED);
    }

    @PostMapping("/run")
    @Operation(summary = "Poll the source now, after any poll in progress / 立即轮询数据源（在当前轮询之后）")
    public ResponseEntity<ConnectorView> runNow(@PathVariable("id") String id, Locale locale) throws Exception {
        ConnectorView view = act(id, "run", locale, ConnectorState.RUNNING, ConnectorState.DEGRADED,
                ConnectorState.STALE);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
    }

    private ConnectorView act(String id, String action, Locale locale, ConnectorState... allowed) throws Exception {
        HubUser user = currentUser.get();
        ConnectorEntry entry = views.readable(id, user);
        ConnectorAccess.requireOperate(user, entry.departmentCode());
        // A change observed before the action happened without this user, so it is the system's.
        ObservedState before = monitor.observe(id, org.huitong.connectors.ConnectorRegistry.SYSTEM);
        if (!java.util.List.of(allowed).contains(before.state())) {
            throw new ConflictException("connector.action-not-allowed", id, action, before.state(),
                    java.util.Arrays.toString(allowed));
        }
        switch (action) {
            case "pause" -> runtime.pause(id, user.name());
            case "resume" -> runtime.resume(id, user.name());
            case "stop" -> runtime.stop(id, user.name());
            case "start" -> runtime.start(id, user.name());
            case "restart" -> runtime.restart(id, user.name());
            case "run" -> {
                if (!runtime.runNow(id)) {
                    throw new ConflictException("connector.run-not-possible", id);
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
        ObservedState after = monitor.observe(id, user.name());
        audit.record("CONNECTOR_" + action.toUpperCase(Locale.ROOT), ConnectorService.AUDIT_TARGET, id,
                entry.departmentCode(), java.util.Map.of("state", before.state()),
                java.util.Map.of("state", after.state()));
        return views.visible(id, user, locale);
    }
}
