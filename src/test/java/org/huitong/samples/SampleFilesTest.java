package org.huitong.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every sample file through the real readers, mapper and validator and checks that
 * exactly the records listed in {@code sample-expectations.json} are quarantined, with the
 * listed (code, field) pairs, and that the rest pass with the listed business keys. Also
 * checks the files' encodings byte by byte, and that the committed files equal what
 * {@link SampleFilesGenerator} writes.
 */
class SampleFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path EXPECTATIONS = ROOT.resolve("src/test/resources").resolve(ExpectationsWriter.RESOURCE);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static SamplePipeline pipeline;

    @BeforeAll
    static void createPipeline() {
        pipeline = new SamplePipeline(ROOT);
    }

    static Stream<Arguments> sampleFiles() throws IOException {
        JsonNode root = new ObjectMapper().readTree(EXPECTATIONS.toFile());
        List<Arguments> files = new ArrayList<>();
        root.path("files").forEach(file -> files.add(Arguments.of(file.path("path").asText(), file)));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void recordCountMatches(String path, JsonNode expected) throws IOException {
        List<SamplePipeline.Outcome> outcomes = run(expected);

        assertEquals(expected.path("records").asInt(), outcomes.size(), path + ": number of records");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void quarantinedRecordsMatch(String path, JsonNode expected) throws IOException {
        List<SamplePipeline.Outcome> outcomes = run(expected);

        Set<Long> expectedNumbers = new LinkedHashSet<>();
        expected.path("quarantined").forEach(record -> expectedNumbers.add(record.path("record").asLong()));
        Set<Long> actualNumbers = new LinkedHashSet<>();
        outcomes.stream().filter(SamplePipeline.Outcome::quarantined).forEach(o -> actualNumbers.add(o.number()));
        assertEquals(expectedNumbers, actualNumbers, path + ": quarantined record numbers; details: "
                + describe(outcomes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void quarantinedRecordsCarryExpectedViolations(String path, JsonNode expected) throws IOException {
        Map<Long, SamplePipeline.Outcome> byNumber = new LinkedHashMap<>();
        run(expected).forEach(outcome -> byNumber.put(outcome.number(), outcome));

        for (JsonNode record : expected.path("quarantined")) {
            long number = record.path("record").asLong();
            SamplePipeline.Outcome outcome = byNumber.get(number);
            String where = path + " record " + number + " (" + record.path("fault").asText()
                    + knownIssue(record) + ")";

            assertTrue(outcome != null, where + ": record not read");
            assertEquals(record.path("firstLine").asLong(), outcome.firstLine(), where + ": first line");
            assertEquals(expectedViolations(record), outcome.violations(), where + ": (code, field) pairs; messages: "
                    + outcome.details());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void validRecordsHaveExpectedKeys(String path, JsonNode expected) throws IOException {
        List<SamplePipeline.Outcome> outcomes = run(expected);

        List<String> expectedKeys = new ArrayList<>();
        expected.path("valid").path("businessKeys").forEach(key -> expectedKeys.add(key.asText()));
        List<String> actualKeys = outcomes.stream().filter(o -> !o.quarantined())
                .map(SamplePipeline.Outcome::businessKey).toList();
        assertEquals(expected.path("valid").path("count").asInt(), actualKeys.size(), path + ": valid record count");
        assertEquals(expectedKeys, actualKeys, path + ": business keys of valid records");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void readerDetectsIntendedCharset(String path, JsonNode expected) throws IOException {
        String charset = expected.path("charset").isNull() ? null : expected.path("charset").asText();
        String connectorId = expected.path("connector").asText();

        try (RecordReader reader = RecordReaders.open(ROOT.resolve(path), org.huitong.connectors.FileDropSource
                .readOptions(pipeline.connector(connectorId).source().parameters()))) {
            assertEquals(charset, reader.charset() == null ? null : reader.charset().name(), path + ": detected charset");
        }
    }

    @Test
    void businessKeysUniquePerConnector() throws IOException {
        JsonNode root = new ObjectMapper().readTree(EXPECTATIONS.toFile());
        Map<String, Set<String>> keysByConnector = new LinkedHashMap<>();

        for (JsonNode file : root.path("files")) {
            Set<String> keys = keysByConnector.computeIfAbsent(file.path("connector").asText(), c -> new LinkedHashSet<>());
            for (JsonNode key : file.path("valid").path("businessKeys")) {
                assertTrue(keys.add(key.asText()), file.path("path").asText() + ": business key " + key.asText()
                        + " repeats, so the record store would not publish it as a new record");
            }
        }
    }

    @Test
    void licenceCsvIsGb18030WithoutBom() throws IOException {
        byte[] bytes = Files.readAllBytes(ROOT.resolve("samples/samr-licensing/licenses-2024q1.csv"));

        assertFalse(startsWith(bytes, UTF8_BOM), "no byte-order mark");
        assertTrue(decodes(bytes, Charset.forName("GB18030")), "decodes strictly as GB18030");
        assertFalse(decodes(bytes, StandardCharsets.UTF_8), "is not valid UTF-8, so it really is GB18030");
        assertTrue(new String(bytes, Charset.forName("GB18030")).startsWith(
                String.join(",", LicenseSamples.HEADERS) + "\r\n"), "Chinese header row ending in CRLF");
    }

    @Test
    void penaltyCsvIsGb18030WithoutBom() throws IOException {
        byte[] bytes = Files.readAllBytes(ROOT.resolve("samples/samr-penalty/penalties-2024.csv"));

        assertFalse(startsWith(bytes, UTF8_BOM), "no byte-order mark");
        assertTrue(decodes(bytes, Charset.forName("GB18030")), "decodes strictly as GB18030");
        assertFalse(decodes(bytes, StandardCharsets.UTF_8), "is not valid UTF-8, so it really is GB18030");
        assertTrue(new String(bytes, Charset.forName("GB18030")).startsWith(
                String.join(",", PenaltySamples.HEADERS) + "\r\n"), "Chinese header row ending in CRLF");
    }

    @Test
    void elderCsvIsUtf8WithBom() throws IOException {
        byte[] bytes = Files.readAllBytes(ROOT.resolve("samples/mca-elders/elders-qilihe.csv"));

        assertTrue(startsWith(bytes, UTF8_BOM), "starts with the UTF-8 byte-order mark");
        assertTrue(decodes(bytes, StandardCharsets.UTF_8), "decodes strictly as UTF-8");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith(
                "\uFEFF" + String.join(",", ElderSamples.HEADERS) + "\r\n"), "header right after the byte-order mark");
    }

    @Test
    void serviceJsonLinesIsUtf8WithoutBom() throws IOException {
        byte[] bytes = Files.readAllBytes(ROOT.resolve("samples/care-services/services-2024-06.jsonl"));

        assertFalse(startsWith(bytes, UTF8_BOM), "no byte-order mark");
        assertTrue(decodes(bytes, StandardCharsets.UTF_8), "decodes strictly as UTF-8");
        assertTrue(bytes[0] == '{', "first line starts a JSON object");
    }

    @Test
    void committedFilesEqualGeneratorOutput(@TempDir Path output) throws IOException {
        List<SampleFile> files = SampleFilesGenerator.sampleFiles();
        SampleFilesGenerator.writeAll(files, output);

        for (SampleFile file : files) {
            assertArrayEquals(Files.readAllBytes(output.resolve(file.path())), Files.readAllBytes(ROOT.resolve(file.path())),
                    file.path() + " differs from the generator's output; run SampleFilesGenerator and commit");
        }
        Path expectations = Path.of("src/test/resources").resolve(ExpectationsWriter.RESOURCE);
        assertEquals(Files.readString(output.resolve(expectations)), Files.readString(ROOT.resolve(expectations)),
                "sample-expectations.json differs from the generator's output; run SampleFilesGenerator and commit");
    }

    @Test
    void samplesFolderHoldsOnlyGeneratedFiles() throws IOException {
        Set<String> generated = new LinkedHashSet<>();
        SampleFilesGenerator.sampleFiles().forEach(file -> generated.add(file.path()));

        Set<String> present = new LinkedHashSet<>();
        try (Stream<Path> connectorFolders = Files.list(ROOT.resolve("samples"))) {
            for (Path folder : connectorFolders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.sorted().forEach(f -> present.add(ROOT.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        assertEquals(generated, present, "every file in a connector folder is fed to the hub on first run");
    }

    @Test
    void readmesListGeneratedFaults() throws IOException {
        List<SampleFile> files = SampleFilesGenerator.sampleFiles();
        String english = Files.readString(ROOT.resolve("samples/README.md"));
        String chinese = Files.readString(ROOT.resolve("samples/README.zh-CN.md"));

        assertTrue(english.contains(FaultTables.faultTable(files, false)), "README.md fault table is current");
        assertTrue(english.contains(FaultTables.trapTable(files, false)), "README.md trap table is current");
        assertTrue(chinese.contains(FaultTables.faultTable(files, true)), "README.zh-CN.md fault table is current");
        assertTrue(chinese.contains(FaultTables.trapTable(files, true)), "README.zh-CN.md trap table is current");
    }

    private static String knownIssue(JsonNode record) {
        return record.has("knownIssue") ? "; known issue: " + record.path("knownIssue").asText() : "";
    }

    private List<SamplePipeline.Outcome> run(JsonNode expected) throws IOException {
        return pipeline.run(expected.path("connector").asText(), ROOT.resolve(expected.path("path").asText()));
    }

    private static Set<SampleRow.ExpectedViolation> expectedViolations(JsonNode record) {
        Set<SampleRow.ExpectedViolation> pairs = new LinkedHashSet<>();
        record.path("violations").forEach(v -> pairs.add(SampleRow.ExpectedViolation.of(v.path("code").asText(),
                v.path("field").isNull() ? null : v.path("field").asText())));
        return pairs;
    }

    private static String describe(List<SamplePipeline.Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.stream().filter(SamplePipeline.Outcome::quarantined).forEach(o ->
                text.append("\n  record ").append(o.number()).append(" line ").append(o.firstLine())
                        .append(": ").append(o.violations()));
        return text.toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        byte[] start = new byte[prefix.length];
        System.arraycopy(bytes, 0, start, 0, prefix.length);
        return java.util.Arrays.equals(start, prefix);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
