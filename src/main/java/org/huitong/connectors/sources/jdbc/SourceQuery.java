package org.huitong.connectors.sources.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one poll and its parameters.
 *
 * <p>Incremental polls read in the order {@code (timestampColumn, keyColumn)}. Without an
 * overlap, a poll reads strictly after the watermark, comparing the key among rows that share
 * its timestamp. With an overlap, it reads every row from {@code watermark - overlap} on; rows
 * read again are recognised as unchanged by the record store's content hash and not published
 * again, and a row whose transaction committed late, with a timestamp inside the window, is
 * read for the first time.
 */
record SourceQuery(String sql, List<Object> parameters) {

    static SourceQuery of(JdbcPollSettings settings, Watermark watermark) {
        String source = settings.table() != null ? "SELECT * FROM " + settings.table()
                : "SELECT * FROM (" + settings.query() + ") huitong_source";
        if (!settings.incremental()) {
            return new SourceQuery(settings.keyColumn() == null ? source
                    : source + " ORDER BY " + settings.keyColumn(), List.of());
        }
        String timestamp = settings.timestampColumn();
        String key = settings.keyColumn();
        String order = " ORDER BY " + timestamp + ", " + key;
        List<Object> parameters = new ArrayList<>();
        if (watermark == null) {
            // A row without a timestamp cannot be placed before or after a watermark, so it is never read.
            return new SourceQuery(source + " WHERE " + timestamp + " IS NOT NULL" + order, parameters);
        }
        if (settings.overlap().isZero()) {
            parameters.add(watermark.timestamp());
            parameters.add(watermark.timestamp());
            parameters.add(watermark.key());
            return new SourceQuery(source + " WHERE " + timestamp + " > ? OR (" + timestamp + " = ? AND "
                    + key + " > ?)" + order, parameters);
        }
        parameters.add(watermark.timestampMinus(settings.overlap()));
        return new SourceQuery(source + " WHERE " + timestamp + " >= ?" + order, parameters);
    }
}
