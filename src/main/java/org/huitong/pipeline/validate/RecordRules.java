package org.huitong.pipeline.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;

/**
 * Checks of one record type that JSON Schema cannot express, such as the order of two dates.
 * {@link RecordValidator} runs them after schema validation, on records that may have failed
 * it, so a rule skips a value it cannot parse (the schema has already reported it).
 */
public interface RecordRules {

    /** Returns the record type the rules apply to, for example {@code credit.license}. */
    String recordType();

    /**
     * Adds a violation to {@code out} for each fault. A rule may fill in a field derived from
     * another one (for example gender from a citizen ID) when the field is absent.
     */
    void apply(ObjectNode data, Map<String, String> columnByField, List<Violation> out);
}
