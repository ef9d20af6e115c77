package org.huitong.pipeline.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huitong.pipeline.map.TextNormalizer;

/**
 * Normalises and checks the header row of a CSV file or spreadsheet.
 *
 * <p>Each name loses a byte-order mark glued to it, is NFKC-normalised and trimmed of all
 * Unicode spaces. Blank cells at the end of the row are dropped, because spreadsheets often
 * save empty cells after the last column. A blank name before the last named column, or a
 * name that occurs twice, rejects the file: values could not be told apart.
 */
final class HeaderRow {

    private HeaderRow() {
    }

    /**
     * Returns the normalised column names.
     *
     * @param cells the header cells in column order; {@code null} for a missing cell
     * @param line the line or row of the header, named in a rejection
     * @throws FileRejectedException with {@code READ_HEADER_BLANK} or {@code READ_HEADER_DUPLICATE}
     */
    static List<String> normalize(List<String> cells, long line) {
        List<String> names = new ArrayList<>(cells.size());
        for (String cell : cells) {
            names.add(TextNormalizer.normalize(cell));
        }

        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        if (names.isEmpty()) {
            throw ReadViolations.rejection("READ_HEADER_MISSING", line, null);
        }

        rejectBlankNames(names, line);
        rejectDuplicateNames(names, line);
        return List.copyOf(names);
    }

    private static void rejectBlankNames(List<String> names, long line) {
        List<Integer> blankPositions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                blankPositions.add(i + 1);
            }
        }

        if (!blankPositions.isEmpty()) {
            throw ReadViolations.rejection("READ_HEADER_BLANK", line, null, join(blankPositions));
        }
    }

    private static void rejectDuplicateNames(List<String> names, long line) {
        Map<String, List<Integer>> positionsByName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positionsByName.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i + 1);
        }

        String duplicates = positionsByName.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " (" + join(entry.getValue()) + ")")
                .collect(Collectors.joining("; "));
        if (!duplicates.isEmpty()) {
            throw ReadViolations.rejection("READ_HEADER_DUPLICATE", line, null, duplicates);
        }
    }

    private static String join(List<Integer> positions) {
        return positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
