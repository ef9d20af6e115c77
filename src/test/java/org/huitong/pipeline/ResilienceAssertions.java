package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.huitong.batches.Batch;
import org.huitong.testsupport.LicenceFiles;

/** Checks shared by the broker and database failure tests. */
final class ResilienceAssertions {

    private ResilienceAssertions() {
    }

    /**
     * Checks that every batch adds up, and that over all batches each distinct row was counted
     * as published once.
     */
    static void assertBatchesReconcile(List<Batch> batches, int distinctRows) {
        for (Batch batch : batches) {
            assertThat(batch.read()).as("batch %d read", batch.id())
                    .isEqualTo(batch.published() + batch.unchanged() + batch.quarantined());
        }
        assertThat(batches.stream().mapToLong(Batch::published).sum()).as("published over all batches")
                .isEqualTo(distinctRows);
    }

    /** Returns the subjects of licence rows {@code first} to {@code last}. */
    static List<String> subjects(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(LicenceFiles::subject).toList();
    }
}
