package org.huitong.pipeline.map;

import java.util.List;

/**
 * A source value that cannot be converted to its field's type or format.
 *
 * <p>The mapper turns it into a {@link org.huitong.pipeline.Violation} whose message key is
 * {@code violation.CODE} in the {@code i18n/mapping} bundle. The message receives the source
 * column as argument 0, the field label as 1, the raw value as 2, and {@link #details()} from
 * argument 3 on.
 */
public class ValueRejectedException extends Exception {

    private final String code;
    private final transient List<Object> details;

    public ValueRejectedException(String code, Object... details) {
        super(code);
        this.code = code;
        this.details = List.of(details);
    }

    /** Stable violation code, for example {@code MAP_DATE_IMPOSSIBLE}. */
    public String code() {
        return code;
    }

    /** Further message arguments after column, field and raw value. */
    public List<Object> details() {
        return details;
    }
}
