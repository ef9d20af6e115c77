package org.huitong.testsupport;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base class for tests that run each case on H2 and on PostgreSQL. A subclass annotates its
 * cases with {@code @ParameterizedTest} and {@code @MethodSource("databases")} and takes a
 * {@link MigratedDatabase} argument.
 *
 * <p>Both databases are created once per test class: H2 in a temporary directory, PostgreSQL as
 * a new database on the shared embedded server. Cases call {@link MigratedDatabase#deleteAllRows()}
 * first. The static state assumes test classes run one after another, which is JUnit's default.
 */
public abstract class BothDatabasesTest {

    @TempDir
    static Path h2Directory;

    private static List<MigratedDatabase> databases;

    @BeforeAll
    static void createDatabases() {
        databases = List.of(MigratedDatabase.h2(h2Directory), MigratedDatabase.postgres());
    }

    @AfterAll
    static void closeDatabases() {
        databases.forEach(MigratedDatabase::close);
    }

    /** Returns the H2 and PostgreSQL databases of the running test class. */
    protected static List<MigratedDatabase> databases() {
        return databases;
    }
}
