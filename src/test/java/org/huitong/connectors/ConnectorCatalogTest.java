package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;
import org.huitong.schema.SchemaRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCatalogTest {

    private static final SchemaRegistry SCHEMAS = new SchemaRegistry(Path.of("schemas"));
    private static Validator validator;

    @TempDir
    Path folder;

    @BeforeAll
    static void createValidator() {
        validator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    @Test
    void shippedDescriptorsAreValid() throws IOException {
        ConnectorCatalog catalog = load(Path.of("connectors"));

        assertThat(catalog.entries()).hasSize(4);
        assertThat(catalog.entries()).allSatisfy(entry -> assertThat(entry.errors()).isEmpty());
        assertThat(catalog.find("samr-licensing")).isPresent();
    }

    @Test
    void eachFaultNamesItsPathInBothLanguages() throws IOException {
        write("bad.yaml", """
                id: Bad_ID
                department: {code: lz-x, name: 某局}
                source:
                  template: file-drop
                  parameters: {charset: NOPE-8, sheets: x}
                target: {recordType: credit.license, version: "1"}
                mapping: {决定书编号: XK_NOPE}
                options: {chunkSize: 0}
                """);

        List<LocalizedText> errors = only(load(folder)).errors();

        assertThat(errors).extracting(LocalizedText::en).anySatisfy(e -> assertThat(e).startsWith("id: \"Bad_ID\" is invalid"));
        assertThat(errors).extracting(LocalizedText::en).anySatisfy(e -> assertThat(e).startsWith("options.chunkSize: must not be less than 1"));
        assertThat(errors).extracting(LocalizedText::en).anySatisfy(e -> assertThat(e).contains("source.parameters.charset").contains("NOPE-8"));
        assertThat(errors).extracting(LocalizedText::en).anySatisfy(e -> assertThat(e).startsWith("source.parameters.sheets: unknown parameter"));
        assertThat(errors).extracting(LocalizedText::zh).anySatisfy(e -> assertThat(e).startsWith("id：“Bad_ID”无效"));
    }

    @Test
    void mappingToMissingFieldIsReported() throws IOException {
        write("mapping.yaml", """
                id: mapping-test
                department: {code: lz-x, name: 某局}
                source: {template: file-drop}
                target: {recordType: credit.license, version: "1"}
                mapping: {决定书编号: XK_NOPE}
                """);

        List<LocalizedText> errors = only(load(folder)).errors();

        assertThat(errors).extracting(LocalizedText::en)
                .containsExactly("mapping.决定书编号: record type credit.license has no field XK_NOPE. "
                        + "Use a field name from the schema in schemas/.");
    }

    @Test
    void unknownTemplateAndSchemaAreReported() throws IOException {
        write("unknown.yaml", """
                id: unknown-test
                department: {code: lz-x, name: 某局}
                source: {template: ftp-poll}
                target: {recordType: credit.licence, version: "9"}
                """);

        List<String> errors = only(load(folder)).errors().stream().map(LocalizedText::en).toList();

        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("source.template: unknown template \"ftp-poll\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("target: there is no schema for record type credit.licence version 9"));
    }

    @Test
    void oversizedDescriptorIsNotRead() throws IOException {
        write("huge.yaml", "# " + "x".repeat((int) ConnectorCatalog.MAX_DESCRIPTOR_BYTES));

        ConnectorEntry entry = only(load(folder));

        assertThat(entry.valid()).isFalse();
        assertThat(entry.errors().get(0).en()).startsWith("file: the file is larger than");
    }

    @Test
    void malformedYamlNamesLine() throws IOException {
        write("broken.yaml", "id: broken\ndepartment: [\n");

        ConnectorEntry entry = only(load(folder));

        assertThat(entry.errors().get(0).en()).startsWith("file: cannot be parsed at line");
    }

    @Test
    void duplicateIdKeepsFirstDescriptor() throws IOException {
        String descriptor = Files.readString(Path.of("connectors/mca-elders.yaml"));
        write("a.yaml", descriptor);
        write("b.yaml", descriptor);

        ConnectorCatalog catalog = load(folder);

        assertThat(catalog.find("mca-elders")).isPresent();
        assertThat(catalog.entries()).hasSize(2);
        assertThat(catalog.entries()).filteredOn(entry -> !entry.valid()).singleElement()
                .satisfies(entry -> assertThat(entry.errors().get(0).en()).contains("already declared in a.yaml"));
    }

    private ConnectorCatalog load(Path directory) throws IOException {
        return new ConnectorCatalog(new ConnectorProperties(directory, folder.resolve("inbox")), validator,
                SCHEMAS, Messages.hub());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    private static ConnectorEntry only(ConnectorCatalog catalog) {
        assertThat(catalog.entries()).hasSize(1);
        return catalog.entries().iterator().next();
    }
}
