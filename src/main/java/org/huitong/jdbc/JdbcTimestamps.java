package org.huitong.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts between {@link Instant} and {@code TIMESTAMP WITH TIME ZONE} columns. Values are bound
 * as {@link OffsetDateTime} in UTC because both the PostgreSQL driver and H2 accept that type.
 */
public final class JdbcTimestamps {

    private JdbcTimestamps() {
    }

    /** Returns the current time, truncated to microseconds because PostgreSQL stores no finer. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Returns {@code instant} as a bind value, or {@code null} for {@code null}. */
    public static OffsetDateTime toParameter(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a timestamp column, returning {@code null} for SQL {@code NULL}. */
    public static Instant read(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
