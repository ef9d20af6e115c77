package org.huitong.samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values of one spreadsheet or CSV row, set by header name and read back in header order. */
final class RowValues {

    private final List<String> headers;
    private final Map<String, Object> values = new HashMap<>();
    private final List<Object> extras = new ArrayList<>();

    RowValues(List<String> headers) {
        this.headers = headers;
    }

    /** Sets the value of a column; {@code null} leaves the cell empty. */
    RowValues set(String header, Object value) {
        if (!headers.contains(header)) {
            throw new IllegalArgumentException("No column " + header + " in " + headers);
        }
        values.put(header, value);
        return this;
    }

    Object get(String header) {
        return values.get(header);
    }

    /** Adds values after the last header column. */
    RowValues extra(Object... beyondHeader) {
        extras.addAll(List.of(beyondHeader));
        return this;
    }

    List<Object> cells() {
        List<Object> cells = new ArrayList<>();
        headers.forEach(header -> cells.add(values.get(header)));
        cells.addAll(extras);
        return cells;
    }
}
