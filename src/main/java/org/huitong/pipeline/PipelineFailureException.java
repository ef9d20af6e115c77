package org.huitong.pipeline;

/**
 * The database or the broker failed while a batch ran. The batch is marked FAILED and its file
 * stays in the inbox, to be processed again once the failure is over.
 */
public class PipelineFailureException extends RuntimeException {

    public PipelineFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
