package org.huitong.pipeline;

/**
 * The database, the broker or a database source failed while a batch ran. The batch is marked
 * FAILED and its input is read again once the failure is over: a file stays in the inbox, and a
 * database source is read again from its last committed position.
 */
public class PipelineFailureException extends RuntimeException {

    /** The part of the hub that failed. */
    public enum Part {
        BROKER, DATABASE,
        /** A source read while the batch runs, such as a database queried by {@code jdbc-poll}. */
        SOURCE
    }

    private final Part part;

    public PipelineFailureException(Part part, String message, Throwable cause) {
        super(message, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
