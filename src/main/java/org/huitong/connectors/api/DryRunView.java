package org.huitong.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of a dry run, with messages in the request's language.
 *
 * @param fileError why the file could not be read past {@code fileErrorLine}, or {@code null}
 * @param truncated whether more records were read than {@code records} shows
 * @param missingColumns columns the mapping names that the input's header lacks, with
 *     {@code warnings} explaining each in the request's language
 */
public record DryRunView(String connectorId, long read, long valid, long invalid, ViolationView fileError,
                         long fileErrorLine, List<RecordView> records, boolean truncated,
                         List<String> missingColumns, List<String> warnings) {

    /** One checked record; {@code data} is what would be published when {@code valid}. */
    public record RecordView(long number, long firstLine, long lastLine, boolean valid, ObjectNode data,
                             List<ViolationView> violations) {
    }

    /** One fault, with its stable code, the field and source column, and the message. */
    public record ViolationView(String code, String field, String sourceColumn, String message) {
    }
}
