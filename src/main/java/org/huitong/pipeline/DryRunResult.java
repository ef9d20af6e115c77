package org.huitong.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome a batch would have on an input, computed without storing or publishing anything.
 *
 * @param read records read from the file
 * @param valid records that would be published, or be unchanged if already stored
 * @param invalid records that would be quarantined
 * @param fileError why the file could not be read past some line, or {@code null}
 * @param records the first records, in file order, up to the requested limit
 * @param truncated whether more records were read than {@code records} shows
 * @param missingColumns columns the descriptor's mapping names that the input's header lacks;
 *     their fields are then filled from no column at all
 */
public record DryRunResult(long read, long valid, long invalid, Violation fileError, long fileErrorLine,
                           List<Checked> records, boolean truncated, List<String> missingColumns) {

    /**
     * One record as the pipeline would see it.
     *
     * @param data the mapped record, or {@code null} when it could not be read at all
     * @param violations every fault; empty when the record is valid
     */
    public record Checked(long number, long firstLine, long lastLine, boolean valid, ObjectNode data,
                          List<Violation> violations) {
    }
}
