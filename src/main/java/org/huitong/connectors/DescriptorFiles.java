package org.huitong.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the descriptor files of the descriptor folder ({@code *.yaml}, {@code *.yml},
 * {@code *.json}; subfolders are not read). A file that cannot be read or checked becomes an
 * entry with errors, so one bad file never hides the others.
 */
final class DescriptorFiles {

    private static final Logger log = LoggerFactory.getLogger(DescriptorFiles.class);

    private final Path dir;
    private final DescriptorReader reader;

    DescriptorFiles(Path dir, DescriptorReader reader) {
        this.dir = dir;
        this.reader = reader;
    }

    /** Reads every descriptor file, keyed by connector id; duplicates are keyed id@file. */
    Map<String, ConnectorEntry> read() {
        Map<String, ConnectorEntry> entries = new LinkedHashMap<>();
        for (Path file : files()) {
            ConnectorEntry entry = read(file);
            ConnectorEntry first = entries.get(entry.id());
            if (first != null) {
                entry = invalid(entry.id(), file, entry.departmentCode(), fingerprint(file),
                        new DescriptorError("id", "duplicate-id", entry.id(), first.location()));
                entries.put(entry.id() + "@" + file.getFileName(), entry);
            } else {
                entries.put(entry.id(), entry);
            }
        }
        return entries;
    }

    Path dir() {
        return dir;
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            log.warn("Connector descriptor folder {} does not exist; no connectors loaded from files",
                    dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(DescriptorFiles::isDescriptorFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            log.error("Cannot list the connector descriptor folder {}", dir.toAbsolutePath(), e);
            return List.of();
        }
    }

    private static boolean isDescriptorFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".")
                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private ConnectorEntry read(Path file) {
        String fileName = file.getFileName().toString();
        String nameWithoutExtension = fileName.substring(0, fileName.lastIndexOf('.'));
        byte[] content;
        try {
            if (Files.size(file) > DescriptorReader.MAX_DESCRIPTOR_BYTES) {
                return invalid(nameWithoutExtension, file, null, sizeFingerprint(file), new DescriptorError("",
                        "too-large", String.valueOf(DescriptorReader.MAX_DESCRIPTOR_BYTES)));
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return invalid(nameWithoutExtension, file, null, "unreadable",
                    new DescriptorError("", "unreadable", "?", e.getMessage()));
        }
        DescriptorCheck check = reader.read(content, fileName);
        // A descriptor without a readable id is listed under its file name, which by convention
        // is the connector id, so a broken edit shows up on the connector it breaks.
        String id = check.id() == null ? nameWithoutExtension : check.id();
        String department = check.valid() ? check.descriptor().department().code()
                : DescriptorReader.departmentCode(content);
        return new ConnectorEntry(id, ConnectorOrigin.FILE, file.toString(), department,
                check.descriptor(), check.errors(), 0, sha256(content), false);
    }

    private static ConnectorEntry invalid(String id, Path file, String department, String fingerprint,
                                          DescriptorError error) {
        return new ConnectorEntry(id, ConnectorOrigin.FILE, file.toString(), department, null,
                new ArrayList<>(List.of(error)), 0, fingerprint, false);
    }

    private static String fingerprint(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String sizeFingerprint(Path file) {
        try {
            return "size:" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
