package org.huitong.samples;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code sample-expectations.json}: for each sample file its record count, the business
 * keys of its valid records, and for each record that must be quarantined its number, first
 * line and the (code, field) pairs it must carry.
 */
final class ExpectationsWriter {

    static final String RESOURCE = "sample-expectations.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExpectationsWriter() {
    }

    static void write(List<SampleFile> files, Path target) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("generatedBy", SampleFilesGenerator.class.getName());
        ArrayNode fileNodes = root.putArray("files");
        files.forEach(file -> fileNodes.add(fileNode(file)));

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String json = new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        Files.writeString(target, json, StandardCharsets.UTF_8);
    }

    private static ObjectNode fileNode(SampleFile file) {
        ObjectNode node = NODES.objectNode();
        node.put("path", file.path());
        node.put("connector", file.connector());
        node.put("recordType", file.recordType());
        node.put("format", file.format().name());
        node.put("charset", file.charset() == null ? null : file.charset().name());
        node.put("byteOrderMark", file.byteOrderMark());
        node.put("records", file.rows().size());

        ObjectNode valid = node.putObject("valid");
        ArrayNode keys = NODES.arrayNode();
        file.rows().stream().filter(row -> !row.quarantined()).forEach(row -> keys.add(row.businessKey()));
        valid.put("count", keys.size());
        valid.set("businessKeys", keys);

        ArrayNode quarantined = node.putArray("quarantined");
        for (int i = 0; i < file.rows().size(); i++) {
            SampleRow row = file.rows().get(i);
            if (row.quarantined()) {
                quarantined.add(quarantinedNode(file, i, row));
            }
        }
        return node;
    }

    private static ObjectNode quarantinedNode(SampleFile file, int index, SampleRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("record", index + 1);
        node.put("firstLine", file.firstLine(index));
        node.put("fault", row.note() == null ? null : row.note().en());
        if (row.knownIssue() != null) {
            node.put("knownIssue", row.knownIssue());
        }

        ArrayNode violations = node.putArray("violations");
        for (SampleRow.ExpectedViolation violation : row.violations()) {
            violations.addObject().put("code", violation.code()).put("field", violation.field());
        }
        return node;
    }
}
