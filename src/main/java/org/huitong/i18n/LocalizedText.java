package org.huitong.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-facing text in Simplified Chinese and English. Chinese is the default for users, so
 * every locale other than English gets the Chinese text.
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public String forLocale(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
