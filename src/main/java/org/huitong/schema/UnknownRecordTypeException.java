package org.huitong.schema;

import java.util.Collection;

/** Thrown when a record type and version have no schema in the registry. */
public class UnknownRecordTypeException extends RuntimeException {

    public UnknownRecordTypeException(String type, String version, Collection<String> known) {
        super("No schema for record type " + type + " version " + version
                + "; the schema directory has " + String.join(", ", known));
    }
}
