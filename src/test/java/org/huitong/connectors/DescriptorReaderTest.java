package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;
import org.huitong.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

/** Descriptor checks: the descriptor schema, the template's parameter schema and semantics. */
class DescriptorReaderTest {

    private static final SchemaRegistry SCHEMAS = new SchemaRegistry(Path.of("schemas"));
    private static final SourceTemplates TEMPLATES = new SourceTemplates(Path.of("routes"));
    private static final SourceSupports SUPPORTS = new SourceSupports(List.of(new FileDropSupport(
            new ConnectorProperties(Path.of("connectors"), Path.of("target", "inbox")))));
    private static final DescriptorReader READER =
            new DescriptorReader(new DescriptorSemantics(SCHEMAS, TEMPLATES, SUPPORTS), TEMPLATES);
    private static final Messages MESSAGES = Messages.hub();

    @Test
    void shippedDescriptorsAreValid() throws Exception {
        try (var files = Files.list(Path.of("connectors"))) {
            List<Path> descriptors = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(descriptors).hasSize(4);
            for (Path file : descriptors) {
                DescriptorCheck check = READER.read(Files.readAllBytes(file), file.toString());
                assertThat(check.errors()).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void eachFaultNamesItsPathInBothLanguages() {
        List<LocalizedText> errors = errors("""
                id: Bad_ID
                department: {code: lz-x, name: 某局}
                source:
                  template: file-drop
                  parameters: {charset: UTF-8}
                target: {recordType: credit.license, version: "1"}
                options: {chunkSize: 0}
                colour: red
                """);

        assertThat(english(errors)).anySatisfy(e -> assertThat(e).startsWith("id: \"Bad_ID\" is invalid"));
        assertThat(english(errors)).anySatisfy(e -> assertThat(e).startsWith("options.chunkSize: must not be less than 1"));
        assertThat(english(errors)).anySatisfy(e -> assertThat(e).startsWith("colour: unknown entry.")
                .contains("department").contains("expectedInterval"));
        assertThat(errors).extracting(LocalizedText::zh).anySatisfy(e -> assertThat(e).startsWith("id：“Bad_ID”无效"));
    }

    @Test
    void templateParametersAreCheckedAgainstTheirSchema() {
        List<String> errors = english(errors("""
                id: params-test
                department: {code: lz-x, name: 某局}
                source:
                  template: file-drop
                  parameters: {charset: NOPE-8, sheets: x, format: xls, doneFile: "yes", pollDelayMs: 5}
                target: {recordType: credit.license, version: "1"}
                """));

        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.parameters.sheets: unknown entry")
                .contains("charset, delimiter, doneFile"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.parameters.format: \"xls\" is invalid")
                .contains("csv"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.parameters.doneFile: \"yes\" has the wrong type"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.parameters.pollDelayMs: must not be less than 100"));
    }

    @Test
    void quotedNumbersAndBooleansAreAccepted() {
        DescriptorCheck check = READER.read(bytes("""
                id: quoted
                department: {code: lz-x, name: 某局}
                source:
                  template: file-drop
                  parameters: {doneFile: "true", pollDelayMs: "500", charset: GB18030}
                target: {recordType: credit.license, version: 1}
                """), "test");

        assertThat(check.errors()).isEmpty();
        assertThat(check.descriptor().source().parameters()).containsEntry("doneFile", "true")
                .containsEntry("pollDelayMs", "500");
        assertThat(check.descriptor().target().version()).isEqualTo("1");
    }

    @Test
    void semanticFaultsAreReported() {
        List<String> errors = english(errors("""
                id: validate
                department: {code: lz-x, name: 某局}
                source:
                  template: file-drop
                  parameters: {charset: NOPE-8}
                target: {recordType: credit.license, version: "1"}
                mapping: {决定书编号: XK_NOPE, 文书号: XK_WSH, 许可文书号: XK_WSH}
                schedule: {interval: PT5M}
                expectedInterval: PT0S
                """));

        assertThat(errors).contains("mapping.决定书编号: record type credit.license has no field XK_NOPE. "
                + "Use a field name from the schema in schemas/.");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("mapping.许可文书号: field XK_WSH is already mapped from column \"文书号\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("id: \"validate\" is reserved"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.parameters.charset: unknown charset \"NOPE-8\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("schedule: template file-drop is not a polling source"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("expectedInterval: \"PT0S\" is invalid or too short"));
    }

    @Test
    void unknownTemplateIsReported() {
        List<String> errors = english(errors("""
                id: unknown-test
                department: {code: lz-x, name: 某局}
                source: {template: ftp-poll}
                target: {recordType: credit.license, version: "1"}
                """));

        assertThat(errors).singleElement().satisfies(e -> assertThat(e)
                .startsWith("source.template: unknown template \"ftp-poll\"").contains("file-drop"));
    }

    @Test
    void unknownSchemaIsReported() {
        List<String> errors = english(errors("""
                id: unknown-test
                department: {code: lz-x, name: 某局}
                source: {template: file-drop}
                target: {recordType: credit.licence, version: "9"}
                """));

        assertThat(errors).containsExactly("target: there is no schema for record type credit.licence version 9. "
                + "Use one from the schemas/ folder.");
    }

    @Test
    void missingSectionsAreRequired() {
        List<String> errors = english(errors("id: only-id\n"));

        assertThat(errors).contains("department: required; it must not be empty.",
                "source: required; it must not be empty.", "target: required; it must not be empty.");
    }

    @Test
    void oversizedDescriptorIsNotParsed() {
        byte[] huge = ("# " + "x".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);

        List<String> errors = english(READER.read(huge, "huge").errors().stream().map(e -> e.render(MESSAGES)).toList());

        assertThat(errors).singleElement().satisfies(e -> assertThat(e).startsWith("descriptor: larger than 262144 bytes"));
    }

    @Test
    void malformedYamlNamesLine() {
        List<String> errors = english(errors("id: broken\ndepartment: [\n"));

        assertThat(errors).singleElement().satisfies(e -> assertThat(e).startsWith("descriptor: cannot be parsed at line"));
    }

    @Test
    void duplicateKeysAreRejected() {
        List<String> errors = english(errors("id: a-b\nid: c-d\n"));

        assertThat(errors).singleElement().satisfies(e -> assertThat(e).contains("Duplicate field 'id'"));
    }

    @Test
    void jsonDescriptorIsAccepted() {
        DescriptorCheck check = READER.read(bytes("""
                {"id": "json-one", "department": {"code": "lz-x", "name": "某局"},
                 "source": {"template": "file-drop"}, "target": {"recordType": "elder.person", "version": "1"},
                 "expectedInterval": "P1D", "options": {"chunkSize": 100, "maxQuarantinedShare": 0.2}}
                """), "test");

        assertThat(check.errors()).isEmpty();
        assertThat(check.descriptor().options().chunkSize()).isEqualTo(100);
        assertThat(check.descriptor().expectedDeliveryInterval()).hasDays(1);
    }

    private static List<LocalizedText> errors(String yaml) {
        DescriptorCheck check = READER.read(bytes(yaml), "test");
        assertThat(check.valid()).isFalse();
        return check.errors().stream().map(error -> error.render(MESSAGES)).toList();
    }

    private static List<String> english(List<LocalizedText> errors) {
        return errors.stream().map(LocalizedText::en).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
