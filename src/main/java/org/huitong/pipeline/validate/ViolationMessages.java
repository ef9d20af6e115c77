package org.huitong.pipeline.validate;

import java.util.Map;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;
import org.huitong.pipeline.Violation;

/**
 * Builds violations with messages from the validation bundle. The first message argument
 * {@code {0}} is always where the fault is: the source column when known, else the field.
 * A {@link LocalizedText} argument is rendered in each message's own language; every other
 * argument is inserted as text, never evaluated, so {@code ${x}} stays literal.
 */
public final class ViolationMessages {

    private final Messages messages;

    public ViolationMessages(Messages messages) {
        this.messages = messages;
    }

    /** Returns messages backed by {@code i18n/validation}. */
    public static ViolationMessages standard() {
        return new ViolationMessages(Messages.load("i18n/validation"));
    }

    /** Builds a violation about {@code field}, named by its source column from {@code columnByField}. */
    public Violation about(String code, String field, Map<String, String> columnByField, Object... args) {
        String column = columnByField == null ? null : columnByField.get(field);
        return create(code, field, column, column != null ? column : field, args);
    }

    /**
     * Builds a violation.
     *
     * @param where the text for {@code {0}}: a column header or a field label
     */
    public Violation create(String code, String field, String column, Object where, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = where;
        System.arraycopy(args, 0, all, 1, args.length);

        String key = Violation.messageKey(code);
        String zh = messages.text(key, inLanguage(all, true)).zh();
        String en = messages.text(key, inLanguage(all, false)).en();
        return new Violation(code, field, column, new LocalizedText(zh, en));
    }

    /** Renders a bundle entry that is not a violation, for example a type name. */
    public LocalizedText text(String key, Object... args) {
        return messages.text(key, args);
    }

    private static Object[] inLanguage(Object[] args, boolean chinese) {
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof LocalizedText text) {
                rendered[i] = chinese ? text.zh() : text.en();
            } else {
                // Strings only: MessageFormat would round and group numbers.
                rendered[i] = String.valueOf(arg);
            }
        }
        return rendered;
    }
}
