package org.huitong.security;

public record HubUser(String name, HubRole role, String departmentCode) {
    public boolean seesAllDepartments() { return role != HubRole.DEPARTMENT_ADMIN; }
    public boolean canRead(String departmentCode) { return seesAllDepartments() || (departmentCode != null && departmentCode.equals(this.departmentCode)); }
    public boolean canManage(String departmentCode) { return role == HubRole.ADMIN || (role == HubRole.DEPARTMENT_ADMIN && canRead(departmentCode)); }
    public boolean canOperate(String departmentCode) { return role == HubRole.ADMIN || role == HubRole.OPERATOR || (role == HubRole.DEPARTMENT_ADMIN && canRead(departmentCode)); }
}
