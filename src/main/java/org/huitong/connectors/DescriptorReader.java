package org.huitong.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.huitong.connectors.templates.ConnectorSchemas;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.springframework.stereotype.Component;

/**
 * Reads and checks connector descriptors, from a file or an API request, in YAML or JSON: the
 * descriptor schema first, then the template's parameter schema and the target record type's
 * fields. Every fault is reported with the path of its field.
 */
@Component
public class DescriptorReader {

    /** Descriptors larger than this are not parsed. */
    public static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

    private static final String SCHEMA_RESOURCE = "/connectors/descriptor.schema.json";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final JsonNode schemaDocument;
    private final Schema schema;
    private final DescriptorSemantics semantics;
    private final SourceTemplates templates;

    public DescriptorReader(DescriptorSemantics semantics, SourceTemplates templates) {
        this.semantics = semantics;
        this.templates = templates;
        String content = resource(SCHEMA_RESOURCE);
        try {
            this.schemaDocument = new ObjectMapper().readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is not valid JSON", e);
        }
        this.schema = ConnectorSchemas.compile(ConnectorSchemas.idOf(schemaDocument), content, SCHEMA_RESOURCE);
    }

    /** Returns the descriptor schema document, as published by the API. */
    public JsonNode schemaDocument() {
        return schemaDocument;
    }

    /**
     * Reads one descriptor.
     *
     * @param source names the descriptor in errors, for example its file name
     */
    public DescriptorCheck read(byte[] content, String source) {
        if (content.length > MAX_DESCRIPTOR_BYTES) {
            return DescriptorCheck.failed(null, new DescriptorError("", "too-large",
                    String.valueOf(MAX_DESCRIPTOR_BYTES)));
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
            return DescriptorCheck.failed(null, new DescriptorError("", "unreadable", line,
                    e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            return DescriptorCheck.failed(null, new DescriptorError("", "not-an-object"));
        }
        return check((ObjectNode) tree);
    }

    /**
     * Checks a descriptor given as a JSON tree, as stored in the database. All three checks run
     * whenever their input can be read, so one response lists every fault.
     */
    public DescriptorCheck check(ObjectNode tree) {
        String id = tree.path("id").isTextual() ? tree.path("id").asText() : null;
        ObjectNode descriptor = coerceParameters(tree);
        List<DescriptorError> errors = new ArrayList<>(DescriptorSchemaErrors.translate(
                schema.validate(descriptor), "", schemaDocument));
        if (descriptor.path("source").path("template").isTextual()) {
            errors.addAll(templateErrors(descriptor));
        }
        ConnectorDescriptor bound = bindLeniently(descriptor);
        if (bound != null) {
            for (DescriptorError error : semantics.check(bound)) {
                if (!errors.contains(error)) {
                    errors.add(error);
                }
            }
        }
        if (errors.isEmpty()) {
            return new DescriptorCheck(id, bound, List.of());
        }
        errors.sort(Comparator.comparing(DescriptorError::path));
        return new DescriptorCheck(id, null, errors);
    }

    /**
     * Binds the tree, or returns {@code null} when a value has a type the record cannot hold;
     * the schema errors then already name it.
     */
    private ConnectorDescriptor bindLeniently(ObjectNode tree) {
        try {
            return yaml.treeToValue(tree, ConnectorDescriptor.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Returns the department code a descriptor names, or {@code null} if it names none that can
     * be read. Used for descriptors that are otherwise invalid, so that their department's
     * administrators still see them and their errors.
     */
    public static String departmentCode(byte[] content) {
        try {
            JsonNode code = new ObjectMapper(new YAMLFactory()).readTree(content).path("department").path("code");
            return code.isTextual() && code.asText().matches("^[a-z0-9][a-z0-9-]{1,62}$") ? code.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Serialises a descriptor to the JSON tree the database stores. */
    public ObjectNode toTree(ConnectorDescriptor descriptor) {
        return yaml.valueToTree(descriptor);
    }

    private ObjectNode coerceParameters(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        JsonNode parameters = copy.path("source").path("parameters");
        String template = copy.path("source").path("template").asText("");
        if (parameters.isObject()) {
            templates.find(template).ifPresent(found ->
                    ((ObjectNode) copy.get("source")).set("parameters", found.coerce((ObjectNode) parameters)));
        }
        return copy;
    }

    /** Checks the template name and the parameters against the template's parameter schema. */
    private List<DescriptorError> templateErrors(ObjectNode descriptor) {
        String name = descriptor.path("source").path("template").asText();
        return templates.find(name)
                .map(template -> parameterErrors(template, descriptor.path("source").path("parameters")))
                .orElseGet(() -> List.of(new DescriptorError("source.template", "template-unknown",
                        name, templates.names())));
    }

    private static List<DescriptorError> parameterErrors(SourceTemplate template, JsonNode parameters) {
        ObjectNode given = parameters.isObject() ? (ObjectNode) parameters : new ObjectMapper().createObjectNode();
        return DescriptorSchemaErrors.translate(template.validate(given), "source.parameters",
                template.parameterSchema());
    }

    private static String resource(String name) {
        try (InputStream in = DescriptorReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Class path resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
