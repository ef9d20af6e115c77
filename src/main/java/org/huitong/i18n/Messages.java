package org.huitong.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders message keys from the hub's resource bundles in Chinese and English.
 *
 * <p>Each area of the hub owns one bundle pair under {@code i18n/}: {@code NAME_zh.properties}
 * and {@code NAME_en.properties}, both UTF-8. Patterns use {@link MessageFormat} syntax, so a
 * literal apostrophe is written {@code ''}. Arguments are inserted as text and never evaluated,
 * so a value such as {@code ${x}} appears literally.
 */
public final class Messages {

    /** The bundles every hub component may use; each file pair is owned by one area. */
    public static final List<String> HUB_BUNDLES = List.of(
            "i18n/read", "i18n/mapping", "i18n/validation", "i18n/exchange",
            "i18n/pipeline", "i18n/api", "i18n/http", "i18n/security", "i18n/audit",
            "i18n/push", "i18n/sftp", "i18n/mqtt", "i18n/jdbc", "i18n/subscriptions");

    private final List<ResourceBundle> chinese = new ArrayList<>();
    private final List<ResourceBundle> english = new ArrayList<>();

    private Messages(List<String> basenames) {
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String basename : basenames) {
            chinese.add(ResourceBundle.getBundle(basename, Locale.CHINESE, control));
            english.add(ResourceBundle.getBundle(basename, Locale.ENGLISH, control));
        }
    }

    /** Loads all hub bundles. */
    public static Messages hub() {
        return new Messages(HUB_BUNDLES);
    }

    /** Loads the named bundles, for example {@code "i18n/read"}. */
    public static Messages load(String... basenames) {
        return new Messages(List.of(basenames));
    }

    /**
     * Renders {@code key} in both languages.
     *
     * @throws MissingResourceException if either language lacks the key, so a missing
     *     translation fails the first test that renders it
     */
    public LocalizedText text(String key, Object... args) {
        return new LocalizedText(format(chinese, key, args), format(english, key, args));
    }

    private static String format(List<ResourceBundle> bundles, String key, Object[] args) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return new MessageFormat(pattern, bundle.getLocale()).format(args);
            }
        }
        throw new MissingResourceException("No message for key " + key, Messages.class.getName(), key);
    }
}
