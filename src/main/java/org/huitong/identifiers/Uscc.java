package org.huitong.identifiers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), validated on construction.
 *
 * <p>Layout of the 18 characters: registration authority (1), organisation type (2), GB/T 2260
 * division code of the registering office (3–8), GB 11714 organisation code with its own check
 * character (9–17) and the mod-31 check character (18).
 */
public final class Uscc {

    /** The 31 characters a USCC may use; a character's value is its index. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The dummy authority code seen in 双公示 feeds; it fails the mod-31 check. */
    public static final String PLACEHOLDER = "00000000000000000X";

    /** Weights of positions 1–17: 3^(i-1) mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Weights of the 8 body characters of a GB 11714-1997 organisation code. */
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * Organisation types (position 2) allowed for each registration authority (position 1).
     * NOTE: follows the current libraries' table; the amended GB 32100 table was not checked.
     */
    private static final Map<Character, String> TYPES_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', "1239"), Map.entry('2', "19"), Map.entry('3', "123459"),
            Map.entry('4', "19"), Map.entry('5', "1239"), Map.entry('6', "129"),
            Map.entry('7', "129"), Map.entry('8', "19"), Map.entry('9', "123"),
            Map.entry('A', "19"), Map.entry('N', "1239"), Map.entry('Y', "1"));

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /**
     * Parses a USCC in its canonical form (18 upper-case characters, no spaces).
     *
     * @throws InvalidIdentifierException naming the first problem found
     */
    public static Uscc parse(String text) {
        Optional<IdentifierProblem> problem = problem(text);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException(problem.get());
        }
        return new Uscc(text);
    }

    /** Returns the first problem of {@code text} as a USCC, or empty if it is valid. */
    public static Optional<IdentifierProblem> problem(String text) {
        if (PLACEHOLDER.equals(text)) {
            return Optional.of(IdentifierProblem.USCC_PLACEHOLDER);
        }
        if (text != null && text.length() == 15 && text.chars().allMatch(Uscc::isAsciiDigit)) {
            return Optional.of(IdentifierProblem.USCC_OLD_REGISTRATION_NUMBER);
        }
        if (text == null || text.length() != 18) {
            return Optional.of(IdentifierProblem.USCC_LENGTH);
        }
        if (!text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.of(IdentifierProblem.USCC_CHARACTER);
        }
        if (!text.substring(2, 8).chars().allMatch(Uscc::isAsciiDigit)) {
            return Optional.of(IdentifierProblem.USCC_DIVISION_DIGITS);
        }
        String types = TYPES_BY_AUTHORITY.get(text.charAt(0));
        if (types == null || types.indexOf(text.charAt(1)) < 0) {
            return Optional.of(IdentifierProblem.USCC_REGISTRATION_TYPE);
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            return Optional.of(IdentifierProblem.USCC_CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * Computes the mod-31 check character of the first 17 characters.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 alphabet characters
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("Expected 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int characterValue = ALPHABET.indexOf(first17.charAt(i));
            if (characterValue < 0) {
                throw new IllegalArgumentException("Character at position " + (i + 1) + " is not in the USCC alphabet");
            }
            sum += characterValue * WEIGHTS[i];
        }

        // A remainder of 0 gives 31, which must wrap to 0.
        int checkValue = (31 - sum % 31) % 31;
        return ALPHABET.charAt(checkValue);
    }

    /**
     * Computes the GB 11714-1997 check character of an 8-character organisation code body.
     * Letters count A=10 … Z=35 here (the full Latin alphabet).
     */
    public static char organisationCodeCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
        }

        int check = 11 - sum % 11;
        if (check == 10) {
            return 'X';
        }
        return check == 11 ? '0' : (char) ('0' + check);
    }

    public String value() {
        return value;
    }

    /** Returns the GB/T 2260 division code of the registering office (positions 3–8). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** Returns the embedded GB 11714 organisation code with its check character (positions 9–17). */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    /** Returns whether the embedded organisation code passes its own GB 11714 check. */
    public boolean organisationCodeValid() {
        String code = organisationCode();
        return organisationCodeCheckCharacter(code.substring(0, 8)) == code.charAt(8);
    }

    /** Returns problems that do not make the code invalid but deserve an operator's look. */
    public List<IdentifierProblem> warnings() {
        return organisationCodeValid() ? List.of() : List.of(IdentifierProblem.USCC_ORGANISATION_CODE_CHECK);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Uscc uscc && uscc.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
