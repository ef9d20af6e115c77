package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HubUserTest {

    private final HubUser admin = new HubUser("a", HubRole.ADMIN, null);

    private final HubUser operator = new HubUser("o", HubRole.OPERATOR, null);

    private final HubUser samr = new HubUser("s", HubRole.DEPARTMENT_ADMIN, "samr");

    private final HubUser auditor = new HubUser("u", HubRole.AUDITOR, null);

    private final HubUser subscriber = HubUser.subscriber("api-key:9", "credit-platform");

    @Test
    void readAccess() {
        assertThat(admin.canRead("mca")).isTrue();
        assertThat(operator.canRead("mca")).isTrue();
        assertThat(auditor.canRead("mca")).isTrue();
        assertThat(samr.canRead("samr")).isTrue();
        assertThat(samr.canRead("mca")).isFalse();
        assertThat(samr.canRead(null)).isFalse();
        assertThat(subscriber.canRead("mca")).isFalse();
    }

    @Test
    void manageAccess() {
        assertThat(admin.canManage("mca")).isTrue();
        assertThat(operator.canManage("mca")).isFalse();
        assertThat(auditor.canManage("mca")).isFalse();
        assertThat(samr.canManage("samr")).isTrue();
        assertThat(samr.canManage("mca")).isFalse();
    }

    @Test
    void operateAccess() {
        assertThat(admin.canOperate("mca")).isTrue();
        assertThat(operator.canOperate("mca")).isTrue();
        assertThat(auditor.canOperate("mca")).isFalse();
        assertThat(samr.canOperate("samr")).isTrue();
        assertThat(samr.canOperate("mca")).isFalse();
        assertThat(subscriber.canOperate("mca")).isFalse();
        assertThat(subscriber.canManage("mca")).isFalse();
    }

    @Test
    void seesAllDepartmentsExceptDepartmentAdmin() {
        assertThat(admin.seesAllDepartments()).isTrue();
        assertThat(operator.seesAllDepartments()).isTrue();
        assertThat(auditor.seesAllDepartments()).isTrue();
        assertThat(samr.seesAllDepartments()).isFalse();
        assertThat(subscriber.seesAllDepartments()).isFalse();
    }

    @Test
    void departmentOnlyForDepartmentAdmin() {
        assertThatThrownBy(() -> new HubUser("x", HubRole.DEPARTMENT_ADMIN, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubUser("x", HubRole.OPERATOR, "samr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscriberIdOnlyForSubscriber() {
        assertThatThrownBy(() -> new HubUser("x", HubRole.SUBSCRIBER, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubUser("x", HubRole.ADMIN, null, "credit-platform"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(subscriber.subscriberId()).isEqualTo("credit-platform");
    }

    @Test
    void roleNamesParseLeniently() {
        assertThat(HubRole.parse("department-admin")).contains(HubRole.DEPARTMENT_ADMIN);
        assertThat(HubRole.parse(" Auditor ")).contains(HubRole.AUDITOR);
        assertThat(HubRole.parse("root")).isEmpty();
        assertThat(HubRole.parse(null)).isEmpty();
    }
}
