package org.huitong.identifiers;

/**
 * A specific reason why an identifier is invalid. {@link #code()} is the stable violation code
 * that the validator reports for the problem.
 */
public enum IdentifierProblem {

    /** The USCC is the all-zero dummy {@code 00000000000000000X} that some feeds send. */
    USCC_PLACEHOLDER,
    /** A 15-digit business registration number (issued before 2015) sits where a USCC belongs. */
    USCC_OLD_REGISTRATION_NUMBER,
    /** The USCC does not have 18 characters. */
    USCC_LENGTH,
    /** The USCC contains a character outside its 31-character alphabet (no I, O, S, V, Z). */
    USCC_CHARACTER,
    /** Positions 3–8 of the USCC (the division code) are not all digits. */
    USCC_DIVISION_DIGITS,
    /** Positions 1 and 2 are not a known registration authority and organisation type pair. */
    USCC_REGISTRATION_TYPE,
    /** The mod-31 check character of the USCC does not match. */
    USCC_CHECK_CHARACTER,
    /**
     * The GB 11714 check character of the organisation code inside the USCC does not match.
     * Real codes with this fault exist, so it is a warning and never rejects the USCC.
     */
    USCC_ORGANISATION_CODE_CHECK,

    /** The citizen ID does not have 18 characters. */
    CITIZEN_ID_LENGTH,
    /** A 15-digit first-generation number, which must be converted to 18 characters. */
    CITIZEN_ID_FIRST_GENERATION,
    /** The check character is a lower-case {@code x}; the canonical form is upper-case. */
    CITIZEN_ID_LOWER_CASE_X,
    /** The citizen ID contains a character other than digits and a final {@code X}. */
    CITIZEN_ID_CHARACTER,
    /** The first two digits are not a province-level code. */
    CITIZEN_ID_PROVINCE,
    /** Positions 7–14 are not a real calendar date. */
    CITIZEN_ID_BIRTH_DATE,
    /** The birth date lies in the future. */
    CITIZEN_ID_BIRTH_DATE_FUTURE,
    /** The ISO 7064 MOD 11-2 check character does not match. */
    CITIZEN_ID_CHECK_CHARACTER,

    /** The division code is not 6 digits. */
    DIVISION_CODE_FORMAT,
    /** A statistical area code (for example 620171 兰州新区) that is not a GB/T 2260 division. */
    DIVISION_CODE_STATISTICAL,
    /** The division code is not in the GB/T 2260 table that the hub ships. */
    DIVISION_CODE_UNKNOWN;

    /** Returns the violation code, for example {@code FORMAT_USCC_CHECK_CHARACTER}. */
    public String code() {
        return "FORMAT_" + name();
    }
}
