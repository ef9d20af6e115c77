package org.huitong.pipeline.validate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.huitong.identifiers.IdentifierProblem;

/**
 * Stable violation codes that validation emits, besides the identifier codes of
 * {@link IdentifierProblem#code()}. Clients match on these, so a code is never renamed once
 * released. Each has the message key {@code violation.CODE} in the validation bundle.
 */
public final class ValidationCodes {

    /** Validation could not run (missing schema, library failure), so the record is not valid. */
    public static final String VALIDATION_UNAVAILABLE = "VALIDATION_UNAVAILABLE";

    public static final String SCHEMA_REQUIRED = "SCHEMA_REQUIRED";
    public static final String SCHEMA_DEPENDENT_REQUIRED = "SCHEMA_DEPENDENT_REQUIRED";
    public static final String SCHEMA_TYPE = "SCHEMA_TYPE";
    public static final String SCHEMA_ENUM = "SCHEMA_ENUM";
    public static final String SCHEMA_PATTERN = "SCHEMA_PATTERN";
    public static final String SCHEMA_MAX_LENGTH = "SCHEMA_MAX_LENGTH";
    public static final String SCHEMA_MIN_LENGTH = "SCHEMA_MIN_LENGTH";
    public static final String SCHEMA_MINIMUM = "SCHEMA_MINIMUM";
    public static final String SCHEMA_MAXIMUM = "SCHEMA_MAXIMUM";
    public static final String SCHEMA_DECIMAL_PLACES = "SCHEMA_DECIMAL_PLACES";
    public static final String SCHEMA_MIN_ITEMS = "SCHEMA_MIN_ITEMS";
    public static final String SCHEMA_DUPLICATE_ITEMS = "SCHEMA_DUPLICATE_ITEMS";
    public static final String SCHEMA_UNKNOWN_FIELD = "SCHEMA_UNKNOWN_FIELD";
    /** Any other schema rule; the message names the JSON Schema keyword. */
    public static final String SCHEMA_INVALID = "SCHEMA_INVALID";

    public static final String FORMAT_DATE = "FORMAT_DATE";
    public static final String FORMAT_DATE_TIME = "FORMAT_DATE_TIME";
    public static final String FORMAT_PHONE = "FORMAT_PHONE";
    /** A format failure that has no more specific code. */
    public static final String FORMAT_INVALID = "FORMAT_INVALID";

    public static final String CREDIT_DECISION_DATE_FUTURE = "CREDIT_DECISION_DATE_FUTURE";
    public static final String LICENSE_VALID_TO_BEFORE_VALID_FROM = "LICENSE_VALID_TO_BEFORE_VALID_FROM";
    public static final String PENALTY_VALIDITY_BEFORE_DECISION = "PENALTY_VALIDITY_BEFORE_DECISION";
    public static final String PENALTY_PUBLICITY_END_BEFORE_DECISION = "PENALTY_PUBLICITY_END_BEFORE_DECISION";
    public static final String PENALTY_FINE_WITHOUT_CATEGORY = "PENALTY_FINE_WITHOUT_CATEGORY";
    public static final String PENALTY_FINE_AMOUNT_MISSING = "PENALTY_FINE_AMOUNT_MISSING";
    public static final String PENALTY_CONFISCATION_WITHOUT_CATEGORY = "PENALTY_CONFISCATION_WITHOUT_CATEGORY";

    public static final String ELDER_GENDER_MISMATCH = "ELDER_GENDER_MISMATCH";
    public static final String ELDER_BIRTH_DATE_MISMATCH = "ELDER_BIRTH_DATE_MISMATCH";
    public static final String ELDER_ASSESSMENT_DATE_FUTURE = "ELDER_ASSESSMENT_DATE_FUTURE";
    public static final String ELDER_SERVICE_END_BEFORE_START = "ELDER_SERVICE_END_BEFORE_START";
    public static final String ELDER_SERVICE_SUBSIDY_EXCEEDS_FEE = "ELDER_SERVICE_SUBSIDY_EXCEEDS_FEE";
    public static final String ELDER_ALARM_LOCATION_MISSING = "ELDER_ALARM_LOCATION_MISSING";
    public static final String ELDER_ALARM_COORDINATE_INCOMPLETE = "ELDER_ALARM_COORDINATE_INCOMPLETE";

    private ValidationCodes() {
    }

    /** Returns every code validation can emit, including the identifier codes. */
    public static List<String> all() {
        List<String> codes = new ArrayList<>();
        for (Field field : ValidationCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add(readConstant(field));
            }
        }
        for (IdentifierProblem problem : IdentifierProblem.values()) {
            codes.add(problem.code());
        }
        return codes;
    }

    private static String readConstant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field.getName(), e);
        }
    }
}
