package org.huitong.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shared record schemas, loaded from {@code DIR/TYPE/VERSION.json} and compiled once.
 *
 * <p>Every schema must declare JSON Schema 2020-12 and the {@code $id}
 * {@code urn:huitong:schema:TYPE:VERSION}. A {@code $ref} resolves only to another file in the
 * same directory and nothing is fetched over the network. Formats, including the hub's
 * {@code uscc}, {@code citizen-id}, {@code division-code} and {@code phone}, are asserted.
 * Construction fails with {@link SchemaLoadException} if any schema is unusable, so a broken
 * schema stops the hub at start-up instead of letting records through.
 */
@Component
public class SchemaRegistry {

    /** The only dialect the hub's schemas may declare. */
    public static final String DIALECT_ID = "https://json-schema.org/draft/2020-12/schema";

    /** Prefix of every schema's {@code $id}; the record type and version follow. */
    public static final String ID_PREFIX = "urn:huitong:schema:";

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

    private final Map<String, RecordTypeSpec> specs = new TreeMap<>();
    private final Map<String, Schema> schemas = new TreeMap<>();

    /**
     * Loads and compiles every schema under {@code directory}.
     *
     * @param directory the schema directory, set by {@code huitong.schemas.dir}
     * @throws SchemaLoadException naming the file and the fault when a schema is unusable
     */
    public SchemaRegistry(@Value("${huitong.schemas.dir:./schemas}") Path directory) {
        Map<String, SchemaFile> files = readFiles(directory);
        Map<String, JsonNode> documentsById = new LinkedHashMap<>();
        files.values().forEach(file -> documentsById.put(file.id(), file.document()));

        files.values().forEach(file -> checkReferences(file, documentsById));
        com.networknt.schema.SchemaRegistry compiler = compiler(files);
        FieldSpecReader fieldReader = new FieldSpecReader(documentsById);

        for (SchemaFile file : files.values()) {
            Schema schema = compile(compiler, file);
            if (file.document().has("x-record-type")) {
                String key = key(file.type(), file.version());
                specs.put(key, fieldReader.read(file.type(), file.version(), file.document(), file.source()));
                schemas.put(key, schema);
            }
        }
        log.info("Loaded {} schema files with {} record types from {}", files.size(), specs.size(), directory);
    }

    /**
     * Returns the record type at one version.
     *
     * @throws UnknownRecordTypeException if the directory has no such schema
     */
    public RecordTypeSpec spec(String type, String version) {
        RecordTypeSpec spec = specs.get(key(type, version));
        if (spec == null) {
            throw new UnknownRecordTypeException(type, version, specs.keySet());
        }
        return spec;
    }

    /** Returns every record type at every version, ordered by type and version. */
    public Collection<RecordTypeSpec> all() {
        return List.copyOf(specs.values());
    }

    /**
     * Returns the compiled schema of a record type, with format assertion on.
     *
     * @throws UnknownRecordTypeException if the registry has no such schema
     */
    public Schema schema(String type, String version) {
        Schema schema = schemas.get(key(type, version));
        if (schema == null) {
            throw new UnknownRecordTypeException(type, version, schemas.keySet());
        }
        return schema;
    }

    private static String key(String type, String version) {
        return type + ":" + version;
    }

    /** A parsed schema file and the type and version its path names. */
    private record SchemaFile(String type, String version, String source, String content, JsonNode document) {

        String id() {
            return ID_PREFIX + type + ":" + version;
        }
    }

    private static Map<String, SchemaFile> readFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SchemaLoadException("Schema directory " + directory.toAbsolutePath()
                    + " not found; set huitong.schemas.dir to the folder that contains TYPE/VERSION.json files");
        }
        Map<String, SchemaFile> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                SchemaFile file = readFile(directory, path);
                files.put(file.id(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list schema directory " + directory, e);
        }
        if (files.isEmpty()) {
            throw new SchemaLoadException("Schema directory " + directory.toAbsolutePath() + " contains no schema files");
        }
        return files;
    }

    private static SchemaFile readFile(Path directory, Path path) {
        Path relative = directory.relativize(path);
        String source = relative.toString();
        String fileName = relative.getFileName().toString();
        if (relative.getNameCount() != 2 || !fileName.matches("^[0-9]+\\.json$")) {
            throw new SchemaLoadException(source + ": schema files must be named TYPE/VERSION.json, for example credit.license/1.json");
        }
        String type = relative.getName(0).toString();
        String version = fileName.substring(0, fileName.length() - ".json".length());

        String content;
        JsonNode document;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
            document = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(content);
        } catch (JsonProcessingException e) {
            throw new SchemaLoadException(source + ": invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SchemaLoadException(source + ": cannot read the file: " + e.getMessage(), e);
        }

        SchemaFile file = new SchemaFile(type, version, source, content, document);
        checkHeader(file);
        return file;
    }

    private static void checkHeader(SchemaFile file) {
        JsonNode document = file.document();
        if (!document.isObject()) {
            throw new SchemaLoadException(file.source() + ": a schema file must contain a JSON object");
        }
        String dialect = document.path("$schema").asText("");
        if (!DIALECT_ID.equals(dialect)) {
            throw new SchemaLoadException(file.source() + ": unsupported $schema \"" + dialect
                    + "\"; the hub validates only JSON Schema 2020-12 (" + DIALECT_ID + ")");
        }
        String id = document.path("$id").asText("");
        if (!file.id().equals(id)) {
            throw new SchemaLoadException(file.source() + ": $id is \"" + id + "\" but the file's path requires \""
                    + file.id() + "\"");
        }
        JsonNode recordType = document.get("x-record-type");
        if (recordType != null && !file.type().equals(recordType.asText())) {
            throw new SchemaLoadException(file.source() + ": x-record-type is \"" + recordType.asText()
                    + "\" but the folder is " + file.type());
        }
    }

    /** Fails unless every {@code $ref} points into a loaded document, so nothing is fetched. */
    private static void checkReferences(SchemaFile file, Map<String, JsonNode> documentsById) {
        for (String ref : SchemaReferences.all(file.document())) {
            if (SchemaReferences.target(ref, file.id(), documentsById).isEmpty()) {
                throw new SchemaLoadException(file.source() + ": $ref \"" + ref
                        + "\" does not resolve to a schema in the schema directory; only local urn:huitong:schema: ids are allowed");
            }
        }
    }

    private static com.networknt.schema.SchemaRegistry compiler(Map<String, SchemaFile> files) {
        Map<String, String> contentById = new LinkedHashMap<>();
        files.values().forEach(file -> contentById.put(file.id(), file.content()));

        Dialect dialect = HubDialect.create();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();

        // Only ids of the loaded files may be read, which rules out any network fetch.
        return com.networknt.schema.SchemaRegistry.builder()
                .dialectRegistry(new BasicDialectRegistry(dialect))
                .schemaRegistryConfig(config)
                .schemaLoader(loader -> loader
                        .allow(iri -> contentById.containsKey(iri.toString()))
                        .resourceLoaders(resources -> resources.resources(contentById)))
                .build();
    }

    private static Schema compile(com.networknt.schema.SchemaRegistry compiler, SchemaFile file) {
        try {
            Schema schema = compiler.getSchema(SchemaLocation.of(file.id()));
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new SchemaLoadException(file.source() + ": the schema cannot be compiled: " + e.getMessage(), e);
        }
    }
}
