package org.huitong.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSupportTest {

    @Test
    void serverAnswersQueries() throws SQLException {
        EmbeddedPostgresSupport.Database database = EmbeddedPostgresSupport.createDatabase();

        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_database(), version()")) {
            result.next();

            assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").contains(result.getString(1));
            assertThat(result.getString(2)).startsWith("PostgreSQL 14");
        }
    }
}
