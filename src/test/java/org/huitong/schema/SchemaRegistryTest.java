package org.huitong.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryTest {

    static final Path SCHEMAS = Path.of("schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyRecordTypeLoads() {
        SchemaRegistry registry = new SchemaRegistry(SCHEMAS);

        assertThat(registry.all()).extracting(RecordTypeSpec::type).containsExactly(
                "credit.license", "credit.penalty", "elder.alarm", "elder.institution", "elder.person",
                "elder.service");
    }

    @Test
    void specCarriesIdAndKey() {
        RecordTypeSpec license = new SchemaRegistry(SCHEMAS).spec("credit.license", "1");

        assertThat(license.schemaId()).isEqualTo("urn:huitong:schema:credit.license:1");
        assertThat(license.keyFields()).containsExactly("XK_WSH", "XK_XKJGDM");
    }

    @Test
    void everySchemaFileHasMatchingId() throws IOException {
        for (Path file : schemaFiles()) {
            JsonNode schema = JSON.readTree(file.toFile());
            Path relative = SCHEMAS.relativize(file);
            String version = relative.getFileName().toString().replace(".json", "");
            String expected = "urn:huitong:schema:" + relative.getName(0) + ":" + version;

            assertThat(schema.path("$id").asText()).as(file.toString()).isEqualTo(expected);
        }
    }

    @Test
    void unknownTypeRejected() {
        SchemaRegistry registry = new SchemaRegistry(SCHEMAS);

        assertThatThrownBy(() -> registry.spec("credit.unknown", "1"))
                .isInstanceOf(UnknownRecordTypeException.class)
                .hasMessageContaining("credit.unknown version 1")
                .hasMessageContaining("credit.license:1");
    }

    @Test
    void unknownVersionRejected() {
        SchemaRegistry registry = new SchemaRegistry(SCHEMAS);

        assertThatThrownBy(() -> registry.schema("credit.license", "2")).isInstanceOf(UnknownRecordTypeException.class);
    }

    @Test
    void fieldSpecReadsReferencedFormat() {
        RecordTypeSpec license = new SchemaRegistry(SCHEMAS).spec("credit.license", "1");
        FieldSpec subject = license.field("XK_XDR_SHXYM").orElseThrow();

        assertThat(subject.title()).isEqualTo("统一社会信用代码");
        assertThat(subject.code()).isEqualTo("XK_XDR_SHXYM");
        assertThat(subject.type()).isEqualTo("string");
        assertThat(subject.format()).isEqualTo("uscc");
        assertThat(subject.required()).isFalse();
    }

    @Test
    void fieldSpecReadsPersonalAnnotations() {
        FieldSpec idNumber = new SchemaRegistry(SCHEMAS).spec("credit.license", "1").field("XK_FR_ZJHM").orElseThrow();

        assertThat(idNumber.sharing()).isEqualTo("restricted");
        assertThat(idNumber.personal()).isEqualTo("citizen-id");
    }

    @Test
    void fieldSpecReadsAliasesAndRequired() {
        FieldSpec validTo = new SchemaRegistry(SCHEMAS).spec("credit.license", "1").field("XK_YXQZI").orElseThrow();

        assertThat(validTo.aliases()).contains("XK_JZQ", "截止期");
        assertThat(validTo.required()).isTrue();
        assertThat(validTo.format()).isEqualTo("date");
    }

    @Test
    void arrayFieldReadsItemsLegacyValues() {
        FieldSpec categories = new SchemaRegistry(SCHEMAS).spec("credit.penalty", "1").field("CF_CFLB").orElseThrow();

        assertThat(categories.type()).isEqualTo("array");
        assertThat(categories.legacyValues()).containsEntry("吊销营业执照", "吊销许可证件");
    }

    @Test
    void propertyLegacyValuesRead() {
        FieldSpec gender = new SchemaRegistry(SCHEMAS).spec("elder.person", "1").field("gender").orElseThrow();

        assertThat(gender.legacyValues()).containsEntry("男", "male");
    }

    @Test
    void arrayFieldTakesItemsFormat() throws IOException {
        write("t/1.json", recordSchema("t", """
                "codes": {"type": "array", "items": {"type": "string", "format": "uscc"}}
                """));

        FieldSpec codes = new SchemaRegistry(temp).spec("t", "1").field("codes").orElseThrow();

        assertThat(codes.type()).isEqualTo("array");
        assertThat(codes.format()).isEqualTo("uscc");
    }

    @Test
    void formatAssertionIsOn() {
        ObjectNode data = JSON.createObjectNode().put("uscc", "91350100M000100Y44");

        List<com.networknt.schema.Error> errors = new SchemaRegistry(SCHEMAS).schema("elder.institution", "1").validate(data);

        assertThat(errors).extracting(com.networknt.schema.Error::getKeyword).contains("format");
    }

    @Test
    void builtInDateFormatAsserted() {
        ObjectNode data = JSON.createObjectNode().put("birthDate", "2024-02-30");

        List<com.networknt.schema.Error> errors = new SchemaRegistry(SCHEMAS).schema("elder.person", "1").validate(data);

        assertThat(errors).extracting(com.networknt.schema.Error::getKeyword).contains("format");
    }

    @Test
    void everyPatternAnchored() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (Path file : schemaFiles()) {
            collectPatterns(JSON.readTree(file.toFile()), patterns);
        }

        assertThat(patterns).isNotEmpty();
        for (String pattern : patterns) {
            assertThat(pattern).as("pattern %s", pattern).startsWith("^").endsWith("$");
        }
    }

    @Test
    void networkRefFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", """
                "code": {"$ref": "https://example.invalid/x.json"}
                """));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("t/1.json")
                .hasMessageContaining("https://example.invalid/x.json");
    }

    @Test
    void missingLocalRefFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", """
                "code": {"$ref": "urn:huitong:schema:common:1#/$defs/uscc"}
                """));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("urn:huitong:schema:common:1");
    }

    @Test
    void unknownDialectFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", "\"code\": {\"type\": \"string\"}")
                .replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#"));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("unsupported $schema");
    }

    @Test
    void missingDialectFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", "\"code\": {\"type\": \"string\"}")
                .replace("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\",", ""));

        assertThatThrownBy(() -> new SchemaRegistry(temp)).isInstanceOf(SchemaLoadException.class);
    }

    @Test
    void unknownDocumentTypeFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", "\"number\": {\"type\": \"string\", \"x-document-type\": \"kind\"}"));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("x-document-type of number names kind");
    }

    @Test
    void documentTypeFieldRead() throws IOException {
        write("t/1.json", recordSchema("t", """
                "kind": {"type": "string"},
                "number": {"type": "string", "x-document-type": "kind"}
                """));

        RecordTypeSpec spec = new SchemaRegistry(temp).spec("t", "1");

        assertThat(spec.fields()).filteredOn(field -> field.name().equals("number"))
                .extracting(FieldSpec::documentTypeField).containsExactly("kind");
    }

    @Test
    void invalidJsonFailsStartup() throws IOException {
        write("t/1.json", "{\"$schema\": ");

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void misspeltKeywordFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", "\"code\": {\"type\": \"string\", \"maxLenght\": 3}"));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("maxLenght");
    }

    @Test
    void idNotMatchingPathFailsStartup() throws IOException {
        write("t/2.json", recordSchema("t", "\"code\": {\"type\": \"string\"}"));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("urn:huitong:schema:t:2");
    }

    @Test
    void keyNotRequiredFailsStartup() throws IOException {
        write("t/1.json", recordSchema("t", "\"code\": {\"type\": \"string\"}").replace("\"required\": [\"id\"],", ""));

        assertThatThrownBy(() -> new SchemaRegistry(temp))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("key field id");
    }

    @Test
    void missingDirectoryFailsStartup() {
        assertThatThrownBy(() -> new SchemaRegistry(temp.resolve("absent")))
                .isInstanceOf(SchemaLoadException.class)
                .hasMessageContaining("huitong.schemas.dir");
    }

    /** A minimal record schema of {@code type} version 1, keyed by {@code id}, with extra properties. */
    private static String recordSchema(String type, String properties) {
        return """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "urn:huitong:schema:%s:1",
                  "x-record-type": "%s",
                  "x-key": ["id"],
                  "type": "object",
                  "required": ["id"],
                  "properties": {
                    "id": {"type": "string"},
                    %s
                  }
                }
                """.formatted(type, type, properties);
    }

    private void write(String relative, String content) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(SCHEMAS)) {
            return paths.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void collectPatterns(JsonNode node, List<String> patterns) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("pattern") && entry.getValue().isTextual()) {
                    patterns.add(entry.getValue().asText());
                } else {
                    collectPatterns(entry.getValue(), patterns);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectPatterns(element, patterns));
        }
    }
}
