package org.huitong.schema;

/** Thrown at start-up when a schema file cannot be used; the message names the file and the fault. */
public class SchemaLoadException extends RuntimeException {

    public SchemaLoadException(String message) {
        super(message);
    }

    public SchemaLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
