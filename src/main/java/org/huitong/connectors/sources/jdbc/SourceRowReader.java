package org.huitong.connectors.sources.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.huitong.pipeline.PipelineFailureException;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.read.SourceValue;

/**
 * Reads the rows of a {@link SourceCursor} as source records, one row at a time, and tracks
 * the watermark of the last row returned. Record numbers count the poll's rows from 1.
 */
final class SourceRowReader implements RecordReader {

    private final String connectorId;
    private final SourceCursor cursor;
    private final int timestampColumn;
    private final int keyColumn;
    private boolean fetched;
    private boolean hasRow;
    private long number;
    private Watermark last;

    /**
     * @param timestampColumn name of the watermark timestamp column, or {@code null} in
     *     snapshot mode
     * @throws SQLException if a watermark column is not among the query's columns
     */
    SourceRowReader(String connectorId, SourceCursor cursor, String timestampColumn, String keyColumn)
            throws SQLException {
        this.connectorId = connectorId;
        this.cursor = cursor;
        this.timestampColumn = timestampColumn == null ? -1 : requireColumn(timestampColumn);
        this.keyColumn = timestampColumn == null ? -1 : requireColumn(keyColumn);
    }

    private int requireColumn(String name) throws SQLException {
        int index = cursor.indexOf(name);
        if (index < 0) {
            throw new SQLException("The query has no column " + name + "; its columns are " + cursor.columns());
        }
        return index;
    }

    @Override
    public List<String> headers() {
        return cursor.columns();
    }

    @Override
    public boolean hasNext() {
        if (!fetched) {
            try {
                hasRow = cursor.rows().next();
            } catch (SQLException e) {
                throw failure(e);
            }
            fetched = true;
        }
        return hasRow;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        number++;
        try {
            Map<String, SourceValue> values = new LinkedHashMap<>();
            for (int column = 1; column <= cursor.columns().size(); column++) {
                SourceValue value = SqlValues.sourceValue(cursor.rows(), column, cursor.type(column));
                if (value != null) {
                    values.put(cursor.columns().get(column - 1), value);
                }
            }
            if (timestampColumn > 0) {
                last = new Watermark(
                        SqlValues.timestamp(cursor.rows(), timestampColumn, cursor.type(timestampColumn),
                                cursor.columns().get(timestampColumn - 1)),
                        SqlValues.key(cursor.rows(), keyColumn, cursor.type(keyColumn),
                                cursor.columns().get(keyColumn - 1)));
            }
            return new SourceRecord(number, number, number, values, List.of());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Returns the watermark of the last row returned by {@link #next()}, or {@code null}. */
    Watermark last() {
        return last;
    }

    private PipelineFailureException failure(SQLException e) {
        return new PipelineFailureException(PipelineFailureException.Part.SOURCE,
                "Reading the database of connector " + connectorId + " failed at row " + (number + 1)
                        + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
