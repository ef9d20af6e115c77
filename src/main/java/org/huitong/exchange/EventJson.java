package org.huitong.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the structured-mode JSON text ({@code application/cloudevents+json}) of a record's event
 * with Jackson's streaming generator. The text has the same members and values as the text that
 * the CloudEvents SDK's {@code JsonFormat} writes for {@link RecordEvents#toCloudEvent}, and
 * {@code EventJsonTest} compares the two.
 *
 * <p>The hub publishes through this class rather than the SDK because the SDK copies the data
 * member three times on its way to the text, through UTF-8 bytes and a character array, and
 * builds a map of extensions for every event. Writing the text directly took about a tenth off
 * the publishing thread's CPU time per record in the ingest benchmark (docs/benchmarks.md).
 */
public final class EventJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Room for the context attributes and extensions around the data member. */
    private static final int ATTRIBUTES_LENGTH = 768;

    private EventJson() {
    }

    /**
     * Returns the event of {@code record}, with the id {@code eventId}, published at
     * {@code publishTime}.
     *
     * @throws IllegalArgumentException if the record type or schema id is invalid
     */
    public static String write(OutboundRecord record, String eventId, Instant publishTime) {
        StringWriter out = new StringWriter(record.dataJson().length() + ATTRIBUTES_LENGTH);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            writeContext(json, record, eventId, publishTime);
            writeExtensions(json, record);
            json.writeFieldName("data");
            json.writeRawValue(record.dataJson());
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not throw, so an IOException here is a bug.
            throw new UncheckedIOException("Failed to write the event of " + record.businessKey(), e);
        }
        return out.toString();
    }

    private static void writeContext(JsonGenerator json, OutboundRecord record, String eventId, Instant publishTime)
            throws IOException {
        json.writeStringField("specversion", "1.0");
        json.writeStringField("id", eventId);
        json.writeStringField("source", RecordEvents.source(record));
        json.writeStringField("type", RecordEvents.type(record));
        json.writeStringField("datacontenttype", RecordEvents.DATA_CONTENT_TYPE);
        json.writeStringField("dataschema", RecordEvents.dataSchema(record));
        json.writeStringField("subject", record.businessKey());
        json.writeStringField("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(publishTime.atOffset(ZoneOffset.UTC)));
    }

    private static void writeExtensions(JsonGenerator json, OutboundRecord record) throws IOException {
        json.writeNumberField(RecordEvents.RECORD_VERSION, record.version());
        json.writeStringField(RecordEvents.BATCH_ID, Long.toString(record.batchId()));
        json.writeStringField(RecordEvents.SOURCE_FILE, record.sourceFile());
        json.writeStringField(RecordEvents.SOURCE_LINES, record.firstLine() + "-" + record.lastLine());
        json.writeStringField(RecordEvents.DEPARTMENT, record.department());
        json.writeStringField(RecordEvents.CONNECTOR, record.connectorId());
    }
}
