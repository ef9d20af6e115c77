package org.huitong.connectors.templates;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The source templates of the routes folder, each a {@code NAME.yaml} route template with a
 * {@code NAME.parameters.json} parameter schema. A template without a parameter schema cannot be
 * used by a connector, and an unusable parameter schema stops start-up.
 */
@Component
public class SourceTemplates {

    static final String SCHEMA_SUFFIX = ".parameters.json";

    private static final Logger log = LoggerFactory.getLogger(SourceTemplates.class);

    private final Map<String, SourceTemplate> templates = new TreeMap<>();

    public SourceTemplates(@Value("${huitong.routes-dir:routes}") Path routesDir) {
        for (Path file : schemaFiles(routesDir)) {
            SourceTemplate template = load(file);
            if (!Files.isRegularFile(routesDir.resolve(template.name() + ".yaml"))) {
                throw new IllegalStateException(file + ": there is no route template "
                        + template.name() + ".yaml beside this parameter schema");
            }
            templates.put(template.name(), template);
        }
        log.info("Loaded source templates {} from {}", templates.keySet(), routesDir.toAbsolutePath());
    }

    public Optional<SourceTemplate> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public Collection<SourceTemplate> all() {
        return List.copyOf(templates.values());
    }

    /** Returns the template names, for messages that list the choices. */
    public String names() {
        return String.join(", ", templates.keySet());
    }

    private static List<Path> schemaFiles(Path routesDir) {
        if (!Files.isDirectory(routesDir)) {
            throw new IllegalStateException("Routes folder " + routesDir.toAbsolutePath()
                    + " not found; set huitong.routes-dir to the folder with the route templates");
        }
        try (Stream<Path> files = Files.list(routesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SCHEMA_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + routesDir, e);
        }
    }

    private static SourceTemplate load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - SCHEMA_SUFFIX.length());
        String content;
        JsonNode document;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
            document = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template parameter schema " + file, e);
        }
        String id = ConnectorSchemas.idOf(document);
        if (!id.equals("urn:huitong:template:" + name)) {
            throw new IllegalStateException(file + ": $id must be urn:huitong:template:" + name);
        }
        return new SourceTemplate(name, document, ConnectorSchemas.compile(id, content, file.toString()));
    }
}
