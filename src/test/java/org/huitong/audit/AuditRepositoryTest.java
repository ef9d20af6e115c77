package org.huitong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;

/** The audit table on H2 and PostgreSQL. Rows are never deleted, so each case uses a unique actor. */
class AuditRepositoryTest extends BothDatabasesTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertedEventReadsBack(MigratedDatabase database) {
        AuditRepository repository = new AuditRepository(database.jdbc(), json);
        String actor = unique("reader");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        repository.insert(new AuditEvent(0, at, actor, "ADMIN", "USER_UPDATED", "user", "李秀英-𠮷", "samr",
                AuditLog.SUCCESS, null, json.valueToTree(Map.of("role", "OPERATOR")),
                json.valueToTree(Map.of("role", "ADMIN")), "127.0.0.1"));
        List<AuditEvent> found = repository.find(query(actor, null, null), 0, 10);

        assertThat(found).hasSize(1);
        AuditEvent event = found.get(0);
        assertThat(event.id()).isPositive();
        assertThat(event.at()).isEqualTo(at);
        assertThat(event.targetId()).isEqualTo("李秀英-𠮷");
        assertThat(event.before().get("role").asText()).isEqualTo("OPERATOR");
        assertThat(event.after().get("role").asText()).isEqualTo("ADMIN");
        assertThat(event.remoteAddress()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findFiltersAndOrdersNewestFirst(MigratedDatabase database) {
        AuditRepository repository = new AuditRepository(database.jdbc(), json);
        String actor = unique("filter");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            repository.insert(new AuditEvent(0, start.plusSeconds(i * 60L), actor, "ADMIN",
                    i % 2 == 0 ? "USER_CREATED" : "USER_DISABLED", "user", "u" + i, null, AuditLog.SUCCESS,
                    null, null, null, null));
        }

        List<AuditEvent> all = repository.find(query(actor, null, null), 0, 10);
        List<AuditEvent> disabled = repository.find(new AuditQuery(actor, "USER_DISABLED", null, null, null, null, null),
                0, 10);
        List<AuditEvent> window = repository.find(query(actor, start.plusSeconds(60), start.plusSeconds(180)), 0, 10);

        assertThat(all).extracting(AuditEvent::targetId).containsExactly("u4", "u3", "u2", "u1", "u0");
        assertThat(disabled).extracting(AuditEvent::targetId).containsExactly("u3", "u1");
        assertThat(window).extracting(AuditEvent::targetId).containsExactly("u2", "u1");
        assertThat(repository.count(query(actor, null, null))).isEqualTo(5);
        assertThat(repository.find(query(actor, null, null), 3, 10)).extracting(AuditEvent::targetId)
                .containsExactly("u1", "u0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyPostgresRejectsChanges(MigratedDatabase database) {
        AuditRepository repository = new AuditRepository(database.jdbc(), json);
        String actor = unique("tamper");
        repository.insert(new AuditEvent(0, Instant.now(), actor, null, "LOGIN_FAILED", "user", "x", null,
                AuditLog.FAILURE, "wrong password", null, null, null));
        var sql = database.jdbc().getJdbcOperations();

        if (database.toString().equals("H2")) {
            // H2 has no append-only trigger, as docs/security.md documents.
            assertThat(sql.update("UPDATE audit_event SET reason = 'edited' WHERE actor = ?", actor)).isEqualTo(1);
            return;
        }
        assertThatThrownBy(() -> sql.update("UPDATE audit_event SET reason = 'edited' WHERE actor = ?", actor))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.update("DELETE FROM audit_event WHERE actor = ?", actor))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(repository.find(query(actor, null, null), 0, 10)).extracting(AuditEvent::reason)
                .containsExactly("wrong password");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void outcomeIsChecked(MigratedDatabase database) {
        AuditRepository repository = new AuditRepository(database.jdbc(), json);

        assertThatThrownBy(() -> repository.insert(new AuditEvent(0, Instant.now(), unique("bad"), null, "X", null,
                null, null, "MAYBE", null, null, null, null))).isInstanceOf(DataAccessException.class);
    }

    private static AuditQuery query(String actor, Instant from, Instant to) {
        return new AuditQuery(actor, null, null, null, null, from, to);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
