package org.huitong.identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Generates synthetic identifiers with valid check characters for tests and sample files, so
 * that no real person's or organisation's number is ever needed.
 */
public final class SyntheticIds {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private SyntheticIds() {
    }

    /**
     * Returns a valid 18-character citizen ID.
     *
     * @param areaCode 6-digit address code, for example {@code 620102}
     * @param birthDate the birth date encoded in positions 7–14
     * @param sequence 0–999; odd for a male, even for a female
     */
    public static String citizenId(String areaCode, LocalDate birthDate, int sequence) {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be 0–999, got " + sequence);
        }
        String first17 = areaCode + birthDate.format(BASIC_DATE) + String.format("%03d", sequence);
        return first17 + CitizenId.checkCharacter(first17);
    }

    /** Returns a valid Lanzhou (城关区) citizen ID for a person of the given gender. */
    public static String citizenId(LocalDate birthDate, Gender gender) {
        return citizenId("620102", birthDate, gender == Gender.MALE ? 11 : 12);
    }

    /**
     * Returns a valid USCC whose embedded organisation code also passes its own check.
     *
     * @param authorityAndType positions 1–2, for example {@code 91} for an enterprise
     * @param divisionCode positions 3–8, for example {@code 620102}
     * @param organisationBody the 8 body characters of the organisation code, from the USCC alphabet
     */
    public static String uscc(String authorityAndType, String divisionCode, String organisationBody) {
        String organisationCode = organisationBody + Uscc.organisationCodeCheckCharacter(organisationBody);
        String first17 = authorityAndType + divisionCode + organisationCode;
        return first17 + Uscc.checkCharacter(first17);
    }

    /** Returns a valid Lanzhou enterprise USCC whose organisation body ends with the serial number. */
    public static String uscc(int serial) {
        return uscc("91", "620102", String.format("MA%06d", serial));
    }
}
