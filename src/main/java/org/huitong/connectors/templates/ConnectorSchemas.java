package org.huitong.connectors.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.util.List;
import java.util.Map;

/**
 * Compiles the connector descriptor schema and the template parameter schemas: JSON Schema
 * 2020-12 with the hub's documentation annotations, any other unknown keyword rejected, and
 * nothing fetched over the network.
 */
public final class ConnectorSchemas {

    /** Annotations the connector schemas carry for the API and the documentation. */
    static final List<String> ANNOTATIONS = List.of("x-title-zh", "x-description-zh", "x-polling");

    private ConnectorSchemas() {
    }

    /**
     * Compiles one self-contained schema document.
     *
     * @param id the document's {@code $id}; references resolve only within the document
     * @throws IllegalArgumentException naming {@code source} if the schema cannot be compiled
     */
    public static Schema compile(String id, String content, String source) {
        Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance());
        ANNOTATIONS.forEach(name -> dialect.keyword(new AnnotationKeyword(name)));
        SchemaRegistry registry = SchemaRegistry.builder()
                .dialectRegistry(new BasicDialectRegistry(dialect.build()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(loader -> loader
                        .allow(iri -> iri.toString().equals(id))
                        .resourceLoaders(resources -> resources.resources(Map.of(id, content))))
                .build();
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(id));
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": the schema cannot be compiled: " + e.getMessage(), e);
        }
    }

    /** Returns the {@code $id} of a schema document, or empty text when it has none. */
    public static String idOf(JsonNode document) {
        return document.path("$id").asText("");
    }
}
