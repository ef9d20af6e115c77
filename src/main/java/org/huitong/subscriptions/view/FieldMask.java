package org.huitong.subscriptions.view;

import com.fasterxml.jackson.databind.JsonNode;

/** Masks the value of one personal field. A JSON null or a missing value stays as it is. */
@FunctionalInterface
public interface FieldMask {

    /** Returns the masked form of {@code value}; never changes {@code value} itself. */
    JsonNode mask(JsonNode value);
}
