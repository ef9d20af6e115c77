package org.huitong.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;

/**
 * A record (or an unreadable file or file remainder) that did not pass, with every reason.
 *
 * @param id assigned when stored; 0 before
 * @param recordNumber 1-based record position in the file; 0 for a file-level entry
 * @param firstLine first physical line or row; 0 when the whole file is concerned
 * @param lastLine last physical line or row; 0 when unknown (the rest of the file)
 * @param rawValues values by source column exactly as read
 */
public record QuarantinedRecord(long id, long batchId, String connectorId, String recordType,
                                String sourceFile, long recordNumber, long firstLine,
                                long lastLine, Map<String, String> rawValues,
                                List<Violation> violations, Instant createdAt) {
}
