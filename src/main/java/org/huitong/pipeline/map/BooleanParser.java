package org.huitong.pipeline.map;

import java.util.Locale;
import java.util.Set;

/** Parses yes/no values as Chinese departments write them: 是/否, Y/N, true/false, 1/0. */
public final class BooleanParser {

    private static final Set<String> TRUE_TEXTS = Set.of("是", "Y", "YES", "TRUE", "1");
    private static final Set<String> FALSE_TEXTS = Set.of("否", "N", "NO", "FALSE", "0");

    private BooleanParser() {
    }

    /** Parses normalised text, ignoring the case of Latin letters. */
    public static boolean parse(String text) throws ValueRejectedException {
        String key = text.toUpperCase(Locale.ROOT);
        if (TRUE_TEXTS.contains(key)) {
            return true;
        }
        if (FALSE_TEXTS.contains(key)) {
            return false;
        }
        throw new ValueRejectedException("MAP_NOT_A_BOOLEAN");
    }
}
