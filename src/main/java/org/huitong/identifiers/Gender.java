package org.huitong.identifiers;

/** Gender as a citizen ID encodes it: an odd sequence digit is male, an even one female. */
public enum Gender {
    MALE("male"),
    FEMALE("female");

    private final String schemaValue;

    Gender(String schemaValue) {
        this.schemaValue = schemaValue;
    }

    /** Returns the value used in published records, {@code male} or {@code female}. */
    public String schemaValue() {
        return schemaValue;
    }
}
