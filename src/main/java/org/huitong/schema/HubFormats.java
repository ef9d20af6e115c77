package org.huitong.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.huitong.identifiers.CitizenId;
import org.huitong.identifiers.DivisionCode;
import org.huitong.identifiers.IdentifierProblem;
import org.huitong.identifiers.Uscc;

/** The custom JSON Schema formats of the hub's schemas and the checks behind them. */
public final class HubFormats {

    public static final String USCC = "uscc";
    public static final String CITIZEN_ID = "citizen-id";
    public static final String DIVISION_CODE = "division-code";
    public static final String PHONE = "phone";

    /**
     * Mainland mobile numbers (11 digits starting 13–19) and landlines with an optional area
     * code and extension, each with an optional +86 or 86 prefix. Deliberately lenient about
     * separators because departments write numbers in many ways.
     */
    private static final Pattern PHONE_PATTERN = Pattern.compile(
            "^(\\+?86[- ]?)?(1[3-9][0-9]{9}|(0[0-9]{2,3}[- ]?)?[2-9][0-9]{6,7}([- ]?(转|ext\\.?)?[0-9]{1,6})?)$");

    private HubFormats() {
    }

    /** Returns the identifier problem of {@code value} under an identifier format, or empty. */
    public static Optional<IdentifierProblem> identifierProblem(String format, String value) {
        return switch (format) {
            case USCC -> Uscc.problem(value);
            case CITIZEN_ID -> CitizenId.problem(value);
            case DIVISION_CODE -> DivisionCode.problem(value);
            default -> Optional.empty();
        };
    }

    /** Returns whether {@code value} is a phone number the hub accepts. */
    public static boolean isPhone(String value) {
        return PHONE_PATTERN.matcher(value).matches();
    }

    /** Returns the formats to register with the JSON Schema dialect. */
    static List<Format> formats() {
        return List.of(
                new CheckedFormat(USCC, value -> Uscc.problem(value).isEmpty()),
                new CheckedFormat(CITIZEN_ID, value -> CitizenId.problem(value).isEmpty()),
                new CheckedFormat(DIVISION_CODE, value -> DivisionCode.problem(value).isEmpty()),
                new CheckedFormat(PHONE, HubFormats::isPhone));
    }

    /** A format whose check is a function of the string value; other JSON types pass. */
    private record CheckedFormat(String name, Function<String, Boolean> check) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return check.apply(value);
        }
    }
}
