package org.huitong.pipeline.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.map.TextNormalizer;

/**
 * Collects the non-blank values of one record that lie beyond the last header column.
 *
 * <p>Blank values there are ignored, because spreadsheets save trailing empty cells. Non-blank
 * values are never moved into another column: they become one {@code READ_EXTRA_VALUES}
 * violation naming each position and value, so the record is quarantined with nothing lost.
 */
final class ExtraValues {

    private final List<String> described = new ArrayList<>();

    /** Records the value at 1-based column {@code position} unless it is blank. */
    void add(int position, String value) {
        if (!TextNormalizer.isBlank(value)) {
            described.add(position + "=" + value);
        }
    }

    Optional<Violation> toViolation() {
        if (described.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ReadViolations.violation("READ_EXTRA_VALUES", null, described.size(),
                String.join(", ", described)));
    }
}
