package org.huitong.connectors.api;

import java.util.List;
import org.huitong.audit.AuditLog;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.ConnectorRegistry;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.DescriptorCheck;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.DescriptorReader;
import org.huitong.connectors.InvalidDescriptorException;
import org.huitong.connectors.ConnectorDepartments;
import org.huitong.web.ConflictException;
import org.huitong.security.HubUser;
import org.huitong.web.PayloadTooLargeException;
import org.springframework.stereotype.Service;

/**
 * Creates, updates and deletes connectors through the API: checks the descriptor and the
 * caller's department, encrypts secrets, stores the change and audits it with secrets masked.
 */
@Service
public class ConnectorService {

    static final String AUDIT_TARGET = "connector";

    private final DescriptorReader reader;
    private final ConnectorRegistry registry;
    private final ConnectorSecrets secrets;
    private final ConnectorViews views;
    private final AuditLog audit;
    private final ConnectorDepartments departments;

    public ConnectorService(DescriptorReader reader, ConnectorRegistry registry, ConnectorSecrets secrets,
                            ConnectorViews views, AuditLog audit, ConnectorDepartments departments) {
        this.departments = departments;
        this.reader = reader;
        this.registry = registry;
        this.secrets = secrets;
        this.views = views;
        this.audit = audit;
    }

    /** Checks a descriptor without storing it. */
    public DescriptorCheck validate(byte[] body) {
        return reader.read(body, "request");
    }

    public ConnectorEntry create(byte[] body, HubUser user) {
        ConnectorDescriptor descriptor = valid(body);
        requireManage(user, descriptor.department().code(), descriptor.id());
        departments.departmentOf(descriptor.id())
                .filter(previous -> !previous.equals(descriptor.department().code()))
                .ifPresent(previous -> {
                    throw new ConflictException("connector.id-used", descriptor.id());
                });
        ConnectorDescriptor stored = secrets.forStorage(descriptor, null);
        ConnectorEntry created = registry.create(stored, user.name());
        audit.record("CONNECTOR_CREATE", AUDIT_TARGET, created.id(), descriptor.department().code(),
                null, secrets.masked(stored));
        return created;
    }

    /**
     * Replaces a connector's descriptor; its route is rebuilt at once.
     *
     * @param expectedRevision the revision from {@code If-Match}, or {@code null} to use the
     *     current one
     */
    public ConnectorEntry update(String id, byte[] body, Long expectedRevision, HubUser user) {
        ConnectorEntry existing = views.readable(id, user);
        requireManage(user, existing.departmentCode(), id);
        ConnectorDescriptor descriptor = valid(body);
        if (!descriptor.id().equals(id)) {
            throw new InvalidDescriptorException(List.of(new DescriptorError("id", "id-mismatch", descriptor.id(), id)));
        }
        if (!descriptor.department().code().equals(existing.departmentCode())) {
            throw new InvalidDescriptorException(List.of(new DescriptorError("department.code",
                    "department-changed", descriptor.department().code(), String.valueOf(existing.departmentCode()))));
        }
        ConnectorDescriptor previous = registry.storedDescriptor(id).orElse(null);
        ConnectorDescriptor stored = secrets.forStorage(descriptor, previous);
        long revision = expectedRevision == null ? existing.revision() : expectedRevision;
        ConnectorEntry updated = registry.update(stored, revision, user.name());
        audit.record("CONNECTOR_UPDATE", AUDIT_TARGET, id, descriptor.department().code(),
                previous == null ? null : secrets.masked(previous), secrets.masked(stored));
        return updated;
    }

    public void delete(String id, HubUser user) {
        ConnectorEntry existing = views.readable(id, user);
        requireManage(user, existing.departmentCode(), id);
        ConnectorDescriptor previous = registry.storedDescriptor(id).orElse(null);
        registry.delete(id, user.name());
        audit.record("CONNECTOR_DELETE", AUDIT_TARGET, id, existing.departmentCode(),
                previous == null ? null : secrets.masked(previous), null);
    }

    private ConnectorDescriptor valid(byte[] body) {
        DescriptorCheck check = reader.read(body, "request");
        if (check.errors().stream().anyMatch(error -> error.kind().equals("too-large"))) {
            throw new PayloadTooLargeException("connector.descriptor-too-large", String.valueOf(DescriptorReader.MAX_DESCRIPTOR_BYTES));
        }
        if (!check.valid()) {
            throw new InvalidDescriptorException(check.errors());
        }
        return check.descriptor();
    }

    private static void requireManage(HubUser user, String departmentCode, String id) {
        ConnectorAccess.requireManage(user, departmentCode);
    }
}
