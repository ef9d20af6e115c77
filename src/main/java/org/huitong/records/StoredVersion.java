package org.huitong.records;

/** The latest stored version of a record: its version number and content hash. */
public record StoredVersion(int version, String contentHash) {
}
