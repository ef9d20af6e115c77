package org.huitong.pipeline.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.read.FileRejectedException;

/**
 * Which source column feeds which field of a record type.
 *
 * @param fieldByColumn field name by source column, in column order
 * @param unmappedColumns columns that match no field; their values stay in the source record
 *     for lineage but are not published
 * @param violations binding faults, such as two columns claiming one field; a binding with
 *     any is not usable
 */
public record HeaderBinding(Map<String, String> fieldByColumn, List<String> unmappedColumns,
                            List<Violation> violations) {

    public HeaderBinding {
        fieldByColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldByColumn));
        unmappedColumns = List.copyOf(unmappedColumns);
        violations = List.copyOf(violations);
    }

    /** Returns whether every column could be bound without conflict. */
    public boolean isUsable() {
        return violations.isEmpty();
    }

    /**
     * Throws the first binding fault as a file rejection, so that no record of the file is
     * mapped with an ambiguous header.
     */
    public void requireUsable() {
        if (!isUsable()) {
            throw new FileRejectedException(violations.get(0), 1, null);
        }
    }
}
