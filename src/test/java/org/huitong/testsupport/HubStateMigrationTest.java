package org.huitong.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HubStateMigrationTest extends BothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsApplyInOrder(MigratedDatabase database) {
        List<String> versions = database.jdbc().getJdbcOperations().queryForList(
                "SELECT \"version\" FROM flyway_schema_history WHERE success AND \"version\" IS NOT NULL"
                + " ORDER BY installed_rank",
                String.class);

        // Only PostgreSQL gets the trigger that makes the audit log append-only (11.1).
        if (database.toString().equals("H2")) {
            assertThat(versions).containsExactly("1", "1.1", "2", "3", "4", "5", "6", "10", "11", "12", "13", "14", "15", "15.1", "16");
        } else {
            assertThat(versions).containsExactly("1", "1.1", "2", "3", "4", "5", "6", "10", "11", "11.1", "12", "13", "14", "15", "15.1", "16");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsRunAgainWithoutChanges(MigratedDatabase database) {
        String vendor = database.toString().equals("H2") ? "h2" : "postgresql";

        MigratedDatabase.migrate(database.dataSource(), vendor);
        Integer applied = database.jdbc().getJdbcOperations().queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE \"version\" IS NOT NULL", Integer.class);

        assertThat(applied).isEqualTo(database.toString().equals("H2") ? 15 : 16);
    }

    @Test
    void postgresMigrationRejectsNonUtf8Database() {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase("SQL_ASCII");

        assertThatThrownBy(() -> MigratedDatabase.migrate(database.dataSource(), "postgresql"))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("uses encoding SQL_ASCII, but it must use UTF8");
    }
}
