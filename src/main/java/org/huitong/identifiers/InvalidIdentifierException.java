package org.huitong.identifiers;

/**
 * Thrown when a text is not a valid identifier. The message never contains the value, because
 * identifiers such as citizen IDs are personal data and exception messages end up in logs.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final IdentifierProblem problem;

    public InvalidIdentifierException(IdentifierProblem problem) {
        super("Invalid identifier: " + problem.code());
        this.problem = problem;
    }

    public IdentifierProblem problem() {
        return problem;
    }
}
