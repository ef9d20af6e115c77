package org.huitong.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.huitong.schema.UnknownRecordTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The connectors declared by descriptor files, loaded once at start-up. An invalid descriptor
 * does not stop the hub: it is listed with its errors and gets no route.
 */
@Component
public class ConnectorCatalog {

    /** Descriptor files larger than this are not read. */
    static final long MAX_DESCRIPTOR_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ConnectorCatalog.class);

    private final Map<String, ConnectorEntry> entries = new LinkedHashMap<>();
    private final Messages messages;

    public ConnectorCatalog(ConnectorProperties properties, Validator validator,
                            SchemaRegistry schemas, Messages messages) throws IOException {
        this.messages = messages;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Path file : descriptorFiles(properties.descriptorDir())) {
            ConnectorEntry entry = load(file, yaml, validator, schemas);
            if (entries.containsKey(entry.id())) {
                entry = invalid(entry.id(), file, new DescriptorError("id", "duplicate-id",
                        entry.id(), entries.get(entry.id()).file().getFileName().toString()));
                entries.put(entry.id() + "@" + file.getFileName(), entry);
            } else {
                entries.put(entry.id(), entry);
            }
            logLoaded(entry);
        }
    }

    public Collection<ConnectorEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<ConnectorDescriptor> find(String id) {
        ConnectorEntry entry = entries.get(id);
        return entry == null || !entry.valid() ? Optional.empty() : Optional.of(entry.descriptor());
    }

    private static List<Path> descriptorFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            log.warn("Connector descriptor folder {} does not exist; no connectors loaded",
                    dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ConnectorCatalog::isDescriptorFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    private static boolean isDescriptorFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private ConnectorEntry load(Path file, ObjectMapper yaml, Validator validator,
                                SchemaRegistry schemas) {
        String fileName = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_DESCRIPTOR_BYTES) {
                return invalid(fileName, file, new DescriptorError("file", "too-large",
                        String.valueOf(MAX_DESCRIPTOR_BYTES)));
            }
            ConnectorDescriptor descriptor = yaml.readValue(file.toFile(), ConnectorDescriptor.class);
            List<DescriptorError> errors = check(descriptor, validator, schemas);
            String id = descriptor.id() == null ? fileName : descriptor.id();
            return new ConnectorEntry(id, file, errors.isEmpty() ? descriptor : null, render(errors));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
            return invalid(fileName, file, new DescriptorError("file", "unreadable", line,
                    e.getOriginalMessage()));
        } catch (IOException e) {
            return invalid(fileName, file, new DescriptorError("file", "unreadable", "?", e.getMessage()));
        }
    }

    private ConnectorEntry invalid(String id, Path file, DescriptorError error) {
        return new ConnectorEntry(id, file, null, List.of(error.render(messages)));
    }

    private List<LocalizedText> render(List<DescriptorError> errors) {
        return errors.stream().map(error -> error.render(messages)).toList();
    }

    private static List<DescriptorError> check(ConnectorDescriptor descriptor, Validator validator,
                                               SchemaRegistry schemas) {
        List<DescriptorError> errors = new ArrayList<>();
        for (ConstraintViolation<ConnectorDescriptor> violation : validator.validate(descriptor)) {
            errors.add(constraintError(violation));
        }
        if (descriptor.target() != null && errors.isEmpty()) {
            String type = descriptor.target().recordType();
            String version = descriptor.target().version();
            try {
                RecordTypeSpec spec = schemas.spec(type, version);
                descriptor.mapping().forEach((column, field) -> {
                    if (spec.field(field).isEmpty()) {
                        errors.add(new DescriptorError("mapping." + column, "field-unknown", type, field));
                    }
                });
            } catch (UnknownRecordTypeException e) {
                errors.add(new DescriptorError("target", "schema-unknown", type, version));
            }
        }
        if (descriptor.source() != null) {
            if (FileDropSource.TEMPLATE.equals(descriptor.source().template())) {
                errors.addAll(FileDropSource.check(descriptor.source().parameters()));
            } else {
                errors.add(new DescriptorError("source.template", "template-unknown",
                        descriptor.source().template(), FileDropSource.TEMPLATE));
            }
        }
        errors.sort(Comparator.comparing(DescriptorError::path));
        return errors;
    }

    /** Translates a Bean Validation fault into a descriptor error with its own message. */
    private static DescriptorError constraintError(ConstraintViolation<ConnectorDescriptor> violation) {
        String path = violation.getPropertyPath().toString();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank" -> new DescriptorError(path, "required");
            case "Pattern" -> new DescriptorError(path, "identifier", String.valueOf(violation.getInvalidValue()));
            case "Min" -> new DescriptorError(path, "minimum", String.valueOf(attributes.get("value")));
            case "Max" -> new DescriptorError(path, "maximum", String.valueOf(attributes.get("value")));
            default -> new DescriptorError(path, "invalid", violation.getMessage());
        };
    }

    private static void logLoaded(ConnectorEntry entry) {
        if (entry.valid()) {
            log.info("Loaded connector {} from {}", entry.id(), entry.file());
        } else {
            log.warn("Connector descriptor {} is invalid and gets no route: {}", entry.file(),
                    entry.errors().stream().map(LocalizedText::en).toList());
        }
    }
}
