package org.huitong.connectors.sources.jdbc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * How far an incremental source has been read: the timestamp and key of the last row, in the
 * order {@code ORDER BY timestampColumn, keyColumn}.
 *
 * @param timestamp a {@link LocalDateTime}, {@link OffsetDateTime} or {@link LocalDate}, with
 *     the precision the database delivered (microseconds for PostgreSQL and MariaDB)
 * @param key a {@link Long}, {@link BigDecimal} or {@link String}
 */
public record Watermark(Object timestamp, Object key) {

    /** Returns the timestamp {@code overlap} earlier, for the lower bound of the next poll. */
    Object timestampMinus(Duration overlap) {
        if (timestamp instanceof LocalDateTime time) {
            return time.minus(overlap);
        }
        if (timestamp instanceof OffsetDateTime time) {
            return time.minus(overlap);
        }
        if (timestamp instanceof LocalDate date) {
            // Whole days, rounded up, so a date column never reads less than the overlap.
            return date.minusDays(overlap.plus(Duration.ofDays(1)).minusNanos(1).toDays());
        }
        throw new IllegalStateException("Unsupported timestamp type " + timestamp.getClass());
    }

    /** Tells whether this watermark's timestamp is earlier than the other's. */
    @SuppressWarnings("unchecked")
    boolean timestampBefore(Watermark other) {
        if (timestamp instanceof OffsetDateTime time && other.timestamp instanceof OffsetDateTime otherTime) {
            return time.isBefore(otherTime);
        }
        return ((Comparable<Object>) timestamp).compareTo(other.timestamp) < 0;
    }

    static String typeOf(Object value) {
        if (value instanceof LocalDateTime) {
            return "timestamp";
        } else if (value instanceof OffsetDateTime) {
            return "timestamptz";
        } else if (value instanceof LocalDate) {
            return "date";
        } else if (value instanceof Long) {
            return "long";
        } else if (value instanceof BigDecimal) {
            return "decimal";
        } else if (value instanceof String) {
            return "text";
        }
        throw new IllegalArgumentException("Unsupported watermark type " + value.getClass());
    }

    static String encode(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    static Object decode(String text, String type) {
        return switch (type) {
            case "timestamp" -> LocalDateTime.parse(text);
            case "timestamptz" -> OffsetDateTime.parse(text);
            case "date" -> LocalDate.parse(text);
            case "long" -> Long.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "text" -> text;
            default -> throw new IllegalArgumentException("Unknown watermark type " + type);
        };
    }
}
