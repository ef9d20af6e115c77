package org.huitong.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999) in its canonical 18-character form,
 * validated on construction.
 *
 * <p>Layout: 6-digit GB/T 2260 address code, birth date {@code YYYYMMDD}, 3-digit sequence
 * (position 17 odd for male, even for female) and an ISO 7064 MOD 11-2 check character.
 */
public final class CitizenId {

    /** Time zone that decides whether a birth date lies in the future. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** Province-level prefixes; 83 is used on Taiwan residents' residence permits. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private final String value;
    private final LocalDate birthDate;

    private CitizenId(String value) {
        this.value = value;
        this.birthDate = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /**
     * Parses a citizen ID in canonical form, with today's date in Asia/Shanghai deciding
     * whether the birth date is in the future.
     *
     * @throws InvalidIdentifierException naming the first problem found
     */
    public static CitizenId parse(String text) {
        return parse(text, LocalDate.now(ZONE));
    }

    /** Parses like {@link #parse(String)}, with {@code today} as the current date. */
    public static CitizenId parse(String text, LocalDate today) {
        Optional<IdentifierProblem> problem = problem(text, today);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException(problem.get());
        }
        return new CitizenId(text);
    }

    /**
     * Converts a citizen ID as departments send it into canonical form and parses it: trims it,
     * upper-cases a final {@code x}, and upgrades a 15-digit first-generation number by
     * inserting {@code 19} before the two-digit year and appending the check character
     * (15-digit numbers were never issued to people born after 1999).
     *
     * @throws InvalidIdentifierException if the result is still not valid
     */
    public static CitizenId normalize(String text) {
        if (text == null) {
            throw new InvalidIdentifierException(IdentifierProblem.CITIZEN_ID_LENGTH);
        }
        return parse(canonicalForm(text.strip()));
    }

    /**
     * Returns the canonical text of a number without validating it: upper-cased, and a
     * 15-digit first-generation number turned into 18 characters by inserting {@code 19}
     * before its two-digit birth year and appending the check character. Such numbers were
     * issued only for births in the 1900s.
     */
    public static String canonicalForm(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 15 && upper.chars().allMatch(CitizenId::isAsciiDigit)) {
            String first17 = upper.substring(0, 6) + "19" + upper.substring(6);
            return first17 + checkCharacter(first17);
        }
        return upper;
    }

    /** Returns the first problem of {@code text} as a canonical citizen ID, or empty if valid. */
    public static Optional<IdentifierProblem> problem(String text, LocalDate today) {
        if (text != null && text.length() == 15 && text.chars().allMatch(CitizenId::isAsciiDigit)) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_FIRST_GENERATION);
        }
        if (text == null || text.length() != 18) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_LENGTH);
        }
        if (!text.substring(0, 17).chars().allMatch(CitizenId::isAsciiDigit)) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_CHARACTER);
        }
        char last = text.charAt(17);
        if (last == 'x') {
            return Optional.of(IdentifierProblem.CITIZEN_ID_LOWER_CASE_X);
        }
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of(IdentifierProblem.CITIZEN_ID_CHARACTER);
        }
        if (!PROVINCES.contains(text.substring(0, 2))) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_PROVINCE);
        }
        return birthDateProblem(text, today).or(() -> checkProblem(text));
    }

    /** Returns the problem of {@code text} as a citizen ID today, or empty if valid. */
    public static Optional<IdentifierProblem> problem(String text) {
        return problem(text, LocalDate.now(ZONE));
    }

    /**
     * Computes the MOD 11-2 check character of the first 17 digits.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !first17.chars().allMatch(CitizenId::isAsciiDigit)) {
            throw new IllegalArgumentException("Expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static Optional<IdentifierProblem> birthDateProblem(String text, LocalDate today) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)), Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_BIRTH_DATE);
        }
        if (birthDate.isAfter(today)) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_BIRTH_DATE_FUTURE);
        }
        return Optional.empty();
    }

    private static Optional<IdentifierProblem> checkProblem(String text) {
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            return Optional.of(IdentifierProblem.CITIZEN_ID_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Returns the gender that the sequence digit at position 17 encodes. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** Returns the 6-digit address code (issuing area, possibly a historical code). */
    public String areaCode() {
        return value.substring(0, 6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns the number masked to its first 6 and last 4 characters, safe for logs. */
    @Override
    public String toString() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }
}
