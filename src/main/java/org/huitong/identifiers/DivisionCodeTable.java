package org.huitong.identifiers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * GB/T 2260 division codes loaded from a CSV file with the columns {@code code}, {@code name}
 * and {@code kind} ({@code division} or {@code statistical}); lines starting with {@code #}
 * are comments. The table is data because the national list changes every year.
 */
public final class DivisionCodeTable {

    /** Classpath location of the table that ships with the hub. */
    public static final String DEFAULT_RESOURCE = "reference/gbt2260.csv";

    /** One row of the table. */
    public record Entry(String code, String name, boolean statistical) {
    }

    private static final class DefaultHolder {
        private static final DivisionCodeTable DEFAULT = loadDefault();
    }

    private final Map<String, Entry> entries;

    private DivisionCodeTable(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Returns the table shipped as {@value #DEFAULT_RESOURCE}, loaded once. */
    public static DivisionCodeTable standard() {
        return DefaultHolder.DEFAULT;
    }

    /**
     * Reads a table from UTF-8 CSV.
     *
     * @throws IllegalArgumentException if a row has a code that is not 6 digits or an unknown kind
     */
    public static DivisionCodeTable read(InputStream csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#').setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        Map<String, Entry> entries = new LinkedHashMap<>();

        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                Entry entry = toEntry(row);
                entries.put(entry.code(), entry);
            }
        }
        return new DivisionCodeTable(entries);
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public int size() {
        return entries.size();
    }

    private static Entry toEntry(CSVRecord row) {
        String code = row.get("code");
        String kind = row.get("kind");
        if (!code.matches("^[0-9]{6}$")) {
            throw new IllegalArgumentException("Division code table line " + row.getRecordNumber()
                    + ": code " + code + " is not 6 digits");
        }
        if (!kind.equals("division") && !kind.equals("statistical")) {
            throw new IllegalArgumentException("Division code table line " + row.getRecordNumber()
                    + ": kind " + kind + " is neither division nor statistical");
        }
        return new Entry(code, row.get("name"), kind.equals("statistical"));
    }

    private static DivisionCodeTable loadDefault() {
        try (InputStream in = DivisionCodeTable.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Division code table " + DEFAULT_RESOURCE + " not found on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read division code table " + DEFAULT_RESOURCE, e);
        }
    }
}
