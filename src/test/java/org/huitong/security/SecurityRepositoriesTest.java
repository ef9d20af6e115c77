package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.huitong.security.apikeys.ApiKey;
import org.huitong.security.apikeys.ApiKeyRepository;
import org.huitong.security.users.UserAccount;
import org.huitong.security.users.UserRepository;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The user and API key tables on H2 and PostgreSQL. */
class SecurityRepositoriesTest extends BothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void userRoundTrip(MigratedDatabase database) {
        UserRepository users = new UserRepository(database.deleteAllRows().jdbc());

        users.insert("zhang.wei", "{bcrypt}hash", HubRole.DEPARTMENT_ADMIN, "samr", "admin");
        users.update("zhang.wei", HubRole.ADMIN, null, false);
        users.updatePassword("zhang.wei", "{bcrypt}other");
        UserAccount account = users.find("zhang.wei").orElseThrow();

        assertThat(account.role()).isEqualTo(HubRole.ADMIN);
        assertThat(account.departmentCode()).isNull();
        assertThat(account.enabled()).isFalse();
        assertThat(account.passwordHash()).isEqualTo("{bcrypt}other");
        assertThat(account.createdBy()).isEqualTo("admin");
        assertThat(account.updatedAt()).isNotNull();
        assertThat(users.countEnabledAdmins()).isZero();
        assertThat(users.find("nobody")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void userNameIsUnique(MigratedDatabase database) {
        UserRepository users = new UserRepository(database.deleteAllRows().jdbc());
        users.insert("li.na", "h", HubRole.AUDITOR, null, "admin");

        assertThatThrownBy(() -> users.insert("li.na", "h", HubRole.OPERATOR, null, "admin"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void departmentMatchesRoleInTable(MigratedDatabase database) {
        UserRepository users = new UserRepository(database.deleteAllRows().jdbc());

        assertThatThrownBy(() -> users.insert("a1", "h", HubRole.DEPARTMENT_ADMIN, null, "admin"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> users.insert("a2", "h", HubRole.OPERATOR, "samr", "admin"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void apiKeyLifecycle(MigratedDatabase database) {
        ApiKeyRepository keys = new ApiKeyRepository(database.deleteAllRows().jdbc());
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

        long id = keys.insert("samr system", "hk_abcdefghi", "a".repeat(64), HubRole.DEPARTMENT_ADMIN, "samr",
                "admin", expiry);
        keys.insert("mca system", "hk_jklmnopqr", "b".repeat(64), HubRole.DEPARTMENT_ADMIN, "mca", "admin", null);
        Instant used = Instant.now().truncatedTo(ChronoUnit.MICROS);
        keys.markUsed(id, used);
        keys.markUsed(id, used.plusSeconds(10));

        ApiKey found = keys.findByHash("a".repeat(64)).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.expiresAt()).isEqualTo(expiry);
        assertThat(found.lastUsedAt()).isEqualTo(used);
        assertThat(keys.find("samr", 0, 10)).extracting(ApiKey::name).containsExactly("samr system");
        assertThat(keys.count(null)).isEqualTo(2);
        assertThat(keys.revoke(id)).isTrue();
        assertThat(keys.revoke(id)).isFalse();
        assertThat(keys.find(id).orElseThrow().revokedAt()).isNotNull();
        assertThat(keys.findByHash("c".repeat(64))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void apiKeyHashIsUnique(MigratedDatabase database) {
        ApiKeyRepository keys = new ApiKeyRepository(database.deleteAllRows().jdbc());
        keys.insert("one", "hk_1", "d".repeat(64), HubRole.OPERATOR, null, "admin", null);

        assertThatThrownBy(() -> keys.insert("two", "hk_2", "d".repeat(64), HubRole.OPERATOR, null, "admin", null))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
