package org.huitong.pipeline;

/**
 * The database or the broker failed while a batch ran. The batch is marked FAILED and its file
 * stays in the inbox, to be processed again once the failure is over.
 */
public class PipelineFailureException extends RuntimeException {

    /** The part of the hub that failed. */
    public enum Part {
        BROKER, DATABASE
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
