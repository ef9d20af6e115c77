package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huitong.subscriptions.view.ViewFixtures.subscription;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.SubscriptionFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A schema with an x-personal kind the hub has no mask for. */
class UnknownPersonalKindTest {

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:huitong:schema:test.traveller:1",
              "x-record-type": "test.traveller",
              "x-key": ["ticket"],
              "type": "object",
              "required": ["ticket"],
              "properties": {
                "ticket": {"type": "string", "x-sharing": "open"},
                "passport": {"type": "string", "x-sharing": "conditional", "x-personal": "passport"},
                "visa": {"type": "string", "x-sharing": "conditional", "x-personal": "passport"}
              }
            }
            """;

    @TempDir
    Path schemas;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FieldMasks.class);

    @BeforeEach
    void captureLog() throws IOException {
        Files.createDirectories(schemas.resolve("test.traveller"));
        Files.writeString(schemas.resolve("test.traveller/1.json"), SCHEMA);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapture() {
        logger.detachAppender(logged);
    }

    @Test
    void valueReplacedWholeAndWarnedOnce() {
        SchemaRecordViews views = new SchemaRecordViews(new SchemaRegistry(schemas));
        List<String> fields = List.of("ticket", "passport", "visa");
        RecordView first = views.forSubscription(subscription("test.traveller", fields, List.of(), SubscriptionFilter.NONE));
        RecordView second = views.forSubscription(subscription("test.traveller", fields, List.of(), SubscriptionFilter.NONE));

        JsonNode data = first.apply(ViewFixtures.event("test.traveller", "lz-gat", ViewFixtures.json("""
                {"ticket": "T-1", "passport": "E12345678", "visa": "V-99"}"""))).orElseThrow().get("data");

        assertThat(data.get("ticket").textValue()).isEqualTo("T-1");
        assertThat(data.get("passport").textValue()).isEqualTo("***");
        assertThat(data.get("visa").textValue()).isEqualTo("***");
        assertThat(second).isNotNull();
        List<ILoggingEvent> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("\"passport\"").doesNotContain("E12345678");
    }

    @Test
    void clearGrantDeliversUnknownKindUnchanged() {
        SchemaRecordViews views = new SchemaRecordViews(new SchemaRegistry(schemas));
        RecordView view = views.forSubscription(subscription("test.traveller", List.of("passport"), List.of("passport"),
                SubscriptionFilter.NONE));

        JsonNode data = view.apply(ViewFixtures.event("test.traveller", "lz-gat", ViewFixtures.json("""
                {"ticket": "T-1", "passport": "E12345678"}"""))).orElseThrow().get("data");

        assertThat(data.get("passport").textValue()).isEqualTo("E12345678");
    }
}
