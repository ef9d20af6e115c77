package org.huitong.identifiers;

import java.util.Optional;

/**
 * A 6-digit GB/T 2260 administrative division code that is listed in a {@link DivisionCodeTable},
 * validated on construction.
 */
public final class DivisionCode {

    private final String value;
    private final String name;

    private DivisionCode(String value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * Parses a code against the table that ships with the hub.
     *
     * @throws InvalidIdentifierException naming the problem
     */
    public static DivisionCode parse(String text) {
        return parse(text, DivisionCodeTable.standard());
    }

    /** Parses a code against {@code table}. */
    public static DivisionCode parse(String text, DivisionCodeTable table) {
        Optional<IdentifierProblem> problem = problem(text, table);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException(problem.get());
        }
        return new DivisionCode(text, table.find(text).orElseThrow().name());
    }

    /** Returns the problem of {@code text} as a division code in {@code table}, or empty if valid. */
    public static Optional<IdentifierProblem> problem(String text, DivisionCodeTable table) {
        if (text == null || !text.matches("^[0-9]{6}$")) {
            return Optional.of(IdentifierProblem.DIVISION_CODE_FORMAT);
        }
        Optional<DivisionCodeTable.Entry> entry = table.find(text);
        if (entry.isEmpty()) {
            return Optional.of(IdentifierProblem.DIVISION_CODE_UNKNOWN);
        }
        if (entry.get().statistical()) {
            return Optional.of(IdentifierProblem.DIVISION_CODE_STATISTICAL);
        }
        return Optional.empty();
    }

    /** Returns the problem of {@code text} in the table that ships with the hub, or empty. */
    public static Optional<IdentifierProblem> problem(String text) {
        return problem(text, DivisionCodeTable.standard());
    }

    public String value() {
        return value;
    }

    /** Returns the division's Chinese name, for example 城关区. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DivisionCode code && code.value.equals(value);
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
