package org.huitong.connectors.api;

import org.huitong.security.ForbiddenException;
import org.huitong.security.HubUser;

/** Role and department checks for changes to connectors. Every denial is audited by the exception. */
final class ConnectorAccess {

    private ConnectorAccess() {
    }

    /** Requires the right to create, change or delete connectors of the department. */
    static void requireManage(HubUser user, String departmentCode) {
        if (!user.canManage(departmentCode)) {
            throw denial(user, departmentCode);
        }
    }

    /** Requires the right to run lifecycle actions and dry runs on connectors of the department. */
    static void requireOperate(HubUser user, String departmentCode) {
        if (!user.canOperate(departmentCode)) {
            throw denial(user, departmentCode);
        }
    }

    private static ForbiddenException denial(HubUser user, String departmentCode) {
        return user.canRead(departmentCode) ? ForbiddenException.role(user)
                : ForbiddenException.otherDepartment(user, departmentCode);
    }
}
