package org.huitong.pipeline.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a multi-valued text cell, such as several penalty categories, into items.
 *
 * <p>Separators are {@code ;}, {@code ,}, {@code |} and the enumeration comma {@code 、};
 * the full-width {@code ；} and {@code ，} arrive here as {@code ;} and {@code ,} after NFKC
 * normalisation. Some legacy values contain a separator themselves (the old category
 * {@code 没收违法所得、没收非法财物}), so a known value that starts at an item boundary is kept
 * whole. Items are trimmed and blank items dropped.
 */
final class ListSplitter {

    private static final String SEPARATORS = ";,|、";

    private ListSplitter() {
    }

    /**
     * Splits normalised text.
     *
     * @param wholeValues values to keep whole even if they contain a separator
     */
    static List<String> split(String text, Collection<String> wholeValues) {
        List<String> longestFirst = wholeValues.stream()
                .filter(ListSplitter::containsSeparator)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();

        List<String> items = new ArrayList<>();
        int position = 0;
        while (position <= text.length()) {
            int end = endOfWholeValue(text, position, longestFirst);
            if (end < 0) {
                end = nextSeparator(text, position);
            }

            String item = TextNormalizer.normalize(text.substring(position, end));
            if (!item.isEmpty()) {
                items.add(item);
            }
            position = end + 1;
        }
        return items;
    }

    /** Returns the end of a whole value that starts at {@code position} and ends an item, or -1. */
    private static int endOfWholeValue(String text, int position, List<String> wholeValues) {
        int start = skipSpaces(text, position);
        for (String value : wholeValues) {
            int end = start + value.length();
            boolean endsItem = end == text.length() || nextSeparator(text, end) == skipSpaces(text, end);
            if (text.startsWith(value, start) && endsItem) {
                return nextSeparator(text, end);
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int position) {
        int index = position;
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static int nextSeparator(String text, int position) {
        for (int i = position; i < text.length(); i++) {
            if (SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean containsSeparator(String value) {
        return value.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0);
    }
}
