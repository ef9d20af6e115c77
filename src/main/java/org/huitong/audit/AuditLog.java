package org.huitong.audit;

import org.springframework.stereotype.Component;

@Component
public class AuditLog {
    public void record(String action, String targetType, String targetId, String departmentCode, Object before, Object after) { }
    public void recordFailure(String action, String targetType, String targetId, String departmentCode, String outcome, String reason) { }
}
