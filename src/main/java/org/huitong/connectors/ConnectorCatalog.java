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

    public ConnectorCatalog(ConnectorProperties properties, Validator validator,
                            SchemaRegistry schemas) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Path file : descriptorFiles(properties.descriptorDir())) {
            ConnectorEntry entry = load(file, yaml, validator, schemas);
            if (entries.containsKey(entry.id())) {
                entry = new ConnectorEntry(entry.id(), file, null,
                        List.of("id: connector id " + entry.id() + " is already declared in "
                                + entries.get(entry.id()).file().getFileName()));
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

    private static ConnectorEntry load(Path file, ObjectMapper yaml, Validator validator,
                                       SchemaRegistry schemas) {
        String fileName = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_DESCRIPTOR_BYTES) {
                return new ConnectorEntry(fileName, file, null, List.of(
                        "file: larger than " + MAX_DESCRIPTOR_BYTES + " bytes"));
            }
            ConnectorDescriptor descriptor = yaml.readValue(file.toFile(), ConnectorDescriptor.class);
            List<String> errors = check(descriptor, validator, schemas);
            String id = descriptor.id() == null ? fileName : descriptor.id();
            return new ConnectorEntry(id, file, errors.isEmpty() ? descriptor : null, errors);
        } catch (JsonProcessingException e) {
            return new ConnectorEntry(fileName, file, null, List.of(e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")"));
        } catch (IOException e) {
            return new ConnectorEntry(fileName, file, null, List.of("file: " + e.getMessage()));
        }
    }

    // TODO: descriptor errors are English only; render them in Chinese and English like the
    // other API messages once descriptors can be submitted through the API.
    private static List<String> check(ConnectorDescriptor descriptor, Validator validator,
                                      SchemaRegistry schemas) {
        List<String> errors = new ArrayList<>();
        for (ConstraintViolation<ConnectorDescriptor> violation : validator.validate(descriptor)) {
            errors.add(violation.getPropertyPath() + ": " + violation.getMessage());
        }
        if (descriptor.target() != null && errors.isEmpty()) {
            String type = descriptor.target().recordType();
            String version = descriptor.target().version();
            try {
                RecordTypeSpec spec = schemas.spec(type, version);
                descriptor.mapping().forEach((column, field) -> {
                    if (spec.field(field).isEmpty()) {
                        errors.add("mapping." + column + ": record type " + type
                                + " has no field " + field);
                    }
                });
            } catch (UnknownRecordTypeException e) {
                errors.add("target: no schema for record type " + type + " version " + version);
            }
        }
        if (descriptor.source() != null) {
            if (FileDropSource.TEMPLATE.equals(descriptor.source().template())) {
                errors.addAll(FileDropSource.check(descriptor.source().parameters()));
            } else {
                errors.add("source.template: unknown template " + descriptor.source().template()
                        + "; available: " + FileDropSource.TEMPLATE);
            }
        }
        errors.sort(null);
        return errors;
    }

    private static void logLoaded(ConnectorEntry entry) {
        if (entry.valid()) {
            log.info("Loaded connector {} from {}", entry.id(), entry.file());
        } else {
            log.warn("Connector descriptor {} is invalid and gets no route: {}", entry.file(),
                    entry.errors());
        }
    }
}
