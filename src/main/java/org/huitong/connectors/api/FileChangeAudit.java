package org.huitong.connectors.api;

import org.huitong.audit.AuditLog;
import org.huitong.connectors.ConnectorChanged;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits connectors added, changed or removed by editing descriptor files, with the actor
 * {@code system}; changes through the API are audited by {@link ConnectorService}.
 */
@Component
public class FileChangeAudit {

    private final AuditLog audit;
    private final ConnectorSecrets secrets;

    public FileChangeAudit(AuditLog audit, ConnectorSecrets secrets) {
        this.audit = audit;
        this.secrets = secrets;
    }

    @EventListener
    public void onChange(ConnectorChanged change) {
        if (!ConnectorRegistry.SYSTEM.equals(change.actor())) {
            return;
        }
        ConnectorEntry current = change.after() != null ? change.after() : change.before();
        String action = change.before() == null ? "CONNECTOR_FILE_ADDED"
                : change.after() == null ? "CONNECTOR_FILE_REMOVED" : "CONNECTOR_FILE_CHANGED";
        audit.record(action, ConnectorService.AUDIT_TARGET, change.id(), current.departmentCode(),
                summary(change.before()), summary(change.after()));
    }

    private Object summary(ConnectorEntry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.valid()) {
            return secrets.masked(entry.descriptor());
        }
        return java.util.Map.of("location", entry.location(), "errors", entry.errors().size());
    }
}
