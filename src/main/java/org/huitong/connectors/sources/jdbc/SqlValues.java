package org.huitong.connectors.sources.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.huitong.pipeline.read.SourceValue;

/** Converts the columns of a result set row into source values and watermark parts. */
final class SqlValues {

    private SqlValues() {
    }

    /** Returns the column's value as the mapper reads it, or {@code null} for SQL NULL. */
    static SourceValue sourceValue(ResultSet rows, int column, int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL,
                    Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                BigDecimal number = rows.getBigDecimal(column);
                yield number == null ? null : new SourceValue.Number(number, number.toPlainString(), false);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rows.getBoolean(column);
                yield rows.wasNull() ? null : new SourceValue.Bool(value);
            }
            case Types.DATE -> {
                LocalDate date = rows.getObject(column, LocalDate.class);
                yield date == null ? null : new SourceValue.DateTime(date.atStartOfDay(), false);
            }
            case Types.TIMESTAMP -> {
                LocalDateTime time = rows.getObject(column, LocalDateTime.class);
                yield time == null ? null : new SourceValue.DateTime(time, true);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rows.getBytes(column);
                yield bytes == null ? null : new SourceValue.Text(Base64.getEncoder().encodeToString(bytes));
            }
            default -> {
                String text = rows.getString(column);
                yield text == null ? null : new SourceValue.Text(text);
            }
        };
    }

    /**
     * Returns the value of a timestamp column as a {@link LocalDateTime}, {@link OffsetDateTime}
     * or {@link LocalDate}.
     *
     * @throws UnsupportedColumnException if the column has another type or the value is NULL
     */
    static Object timestamp(ResultSet rows, int column, int sqlType, String name) throws SQLException {
        Object value = switch (sqlType) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            default -> throw new UnsupportedColumnException(name, "timestamp");
        };
        if (value == null) {
            throw new UnsupportedColumnException(name, "null");
        }
        return value;
    }

    /**
     * Returns the value of a key column as a {@link Long}, {@link BigDecimal} or {@link String}.
     *
     * @throws UnsupportedColumnException if the value is NULL
     */
    static Object key(ResultSet rows, int column, int sqlType, String name) throws SQLException {
        Object value = switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long number = rows.getLong(column);
                yield rows.wasNull() ? null : number;
            }
            case Types.NUMERIC, Types.DECIMAL -> rows.getBigDecimal(column);
            default -> rows.getString(column);
        };
        if (value == null) {
            throw new UnsupportedColumnException(name, "null");
        }
        return value;
    }

    /** A watermark column whose type or value cannot be used. */
    static final class UnsupportedColumnException extends SQLException {

        private final String column;
        private final String problem;

        UnsupportedColumnException(String column, String problem) {
            super("Column " + column + " cannot be used for the watermark: "
                    + ("null".equals(problem) ? "a row has NULL in it" : "it is not a timestamp or date column"));
            this.column = column;
            this.problem = problem;
        }

        String column() {
            return column;
        }

        String problem() {
            return problem;
        }
    }
}
