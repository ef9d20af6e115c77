package org.huitong.connectors;

import org.huitong.security.ForbiddenException;
import org.huitong.security.HubUser;
import org.springframework.stereotype.Component;

/**
 * Department isolation for data that belongs to a connector, such as batches and quarantined
 * records. A department administrator may read only its own department's data, and every other
 * role may read all of it.
 */
@Component
public class DepartmentAccess {

    private final ConnectorDepartments departments;

    public DepartmentAccess(ConnectorDepartments departments) {
        this.departments = departments;
    }

    /** Returns the department to restrict a list to, or {@code null} when the user sees all. */
    public String listScope(HubUser user) {
        return user.seesAllDepartments() ? null : user.departmentCode();
    }

    /**
     * Checks that the user may read a connector's data.
     *
     * @throws ForbiddenException if the connector belongs to another department, or to no
     *     known department and the user does not see all departments
     */
    public void requireRead(HubUser user, String connectorId) {
        if (user.seesAllDepartments()) {
            return;
        }
        String department = departments.departmentOf(connectorId).orElse(null);
        if (!user.canRead(department)) {
            throw ForbiddenException.otherDepartment(user, department);
        }
    }
}
