package org.huitong.pipeline.read;

import java.util.NoSuchElementException;

/**
 * Base of the readers: reads one record ahead so that {@link #hasNext()} is exact.
 *
 * <p>When reading the next record fails with a {@link FileRejectedException},
 * {@link #hasNext()} still returns true and {@link #next()} throws the exception, so a caller
 * that loops over the records sees the rejection where it happened. After that,
 * {@link #hasNext()} returns false.
 */
abstract class LookaheadRecordReader implements RecordReader {

    private SourceRecord pending;
    private FileRejectedException pendingRejection;
    private boolean finished;

    /** Reads the next record, or returns {@code null} at the end of the file. */
    protected abstract SourceRecord readNext();

    @Override
    public final boolean hasNext() {
        if (pending != null || pendingRejection != null) {
            return true;
        }
        if (finished) {
            return false;
        }

        try {
            pending = readNext();
        } catch (FileRejectedException e) {
            pendingRejection = e;
            return true;
        }
        finished = pending == null;
        return !finished;
    }

    @Override
    public final SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records");
        }

        if (pendingRejection != null) {
            FileRejectedException rejection = pendingRejection;
            pendingRejection = null;
            finished = true;
            throw rejection;
        }

        SourceRecord record = pending;
        pending = null;
        return record;
    }
}
