package org.huitong.exchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import org.springframework.web.util.UriUtils;

/**
 * Builds the CloudEvents 1.0 event of an {@link OutboundRecord}.
 *
 * <ul>
 *   <li>{@code id} is the {@link EventId}.
 *   <li>{@code source} is {@code /huitong/departments/<department>/connectors/<connectorId>}.
 *   <li>{@code type} is {@code cn.huitong.} followed by the record type, and for a record that
 *       its source no longer has, followed by {@value #DELETED_SUFFIX}. A schema change shows in
 *       {@code dataschema}, not in the type.
 *   <li>{@code subject} is the business key, and {@code time} is the publish time in UTC.
 *   <li>The lineage extensions are the constants below.
 *   <li>{@code data} is the record's {@link OutboundRecord#dataJson() JSON text}, which the
 *       structured JSON format writes as it is, since the content type is JSON.
 * </ul>
 *
 * <p>The hub publishes the text that {@link EventJson} writes. This class builds the same event as
 * a CloudEvents SDK object, which tests compare that text with.
 */
public final class RecordEvents {

    /** Prefix of every event type, followed by the record type. */
    public static final String TYPE_PREFIX = "cn.huitong.";

    /** Suffix of the type of a deletion event, for example {@code cn.huitong.credit.license.deleted}. */
    public static final String DELETED_SUFFIX = ".deleted";

    public static final String DATA_CONTENT_TYPE = "application/json";

    /** Extension: record version, an integer starting at 1. */
    public static final String RECORD_VERSION = "recordversion";

    /**
     * Extension: id of the batch (one delivered file). A string, because the CloudEvents
     * Integer type is 32-bit and batch ids are 64-bit.
     */
    public static final String BATCH_ID = "batchid";

    /** Extension: file name as delivered. */
    public static final String SOURCE_FILE = "sourcefile";

    /** Extension: first and last physical line or row in the source file, as {@code 12-13}. */
    public static final String SOURCE_LINES = "sourcelines";

    /** Extension: department code of the providing department. */
    public static final String DEPARTMENT = "department";

    /** Extension: id of the connector that read the record. */
    public static final String CONNECTOR = "connector";

    /** Maximum entries of each cache. A full cache is cleared and fills again. */
    private static final int MAX_CACHED = 1024;

    // Types, sources and schema ids repeat for every record of a connector, so each is built once.
    // Building them per record took about 5% of the publishing thread's profile.
    private static final Map<String, String> TYPES = new ConcurrentHashMap<>();
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();
    private static final Map<String, String> SCHEMAS = new ConcurrentHashMap<>();

    private RecordEvents() {
    }

    /**
     * Builds the event of {@code record} published at {@code publishTime}.
     *
     * @throws IllegalArgumentException if the schema id is not a valid URI
     */
    public static CloudEvent toCloudEvent(OutboundRecord record, Instant publishTime) {
        return CloudEventBuilder.v1()
                .withId(EventId.of(record).toString())
                .withSource(URI.create(source(record)))
                .withType(type(record))
                .withSubject(record.businessKey())
                .withDataSchema(URI.create(dataSchema(record)))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withTime(publishTime.atOffset(ZoneOffset.UTC))
                .withExtension(RECORD_VERSION, record.version())
                .withExtension(BATCH_ID, Long.toString(record.batchId()))
                .withExtension(SOURCE_FILE, record.sourceFile())
                .withExtension(SOURCE_LINES, record.firstLine() + "-" + record.lastLine())
                .withExtension(DEPARTMENT, record.department())
                .withExtension(CONNECTOR, record.connectorId())
                .withData(BytesCloudEventData.wrap(record.dataJson().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * Returns the event type of the record, for example {@code cn.huitong.credit.license}.
     *
     * @throws IllegalArgumentException if the record type is invalid (see {@link ExchangeAddress})
     */
    public static String type(OutboundRecord record) {
        String type = cached(TYPES, record.recordType(),
                recordType -> TYPE_PREFIX + new ExchangeAddress(recordType).recordType());
        return record.deleted() ? type + DELETED_SUFFIX : type;
    }

    /** Returns the event source of the record, with the department and connector percent-encoded. */
    public static String source(OutboundRecord record) {
        return cached(SOURCES, record.department() + '\u001f' + record.connectorId(),
                key -> "/huitong/departments/" + pathSegment(record.department())
                        + "/connectors/" + pathSegment(record.connectorId()));
    }

    /**
     * Returns the record's schema id, the event's {@code dataschema}.
     *
     * @throws IllegalArgumentException if the schema id is not a valid URI
     */
    public static String dataSchema(OutboundRecord record) {
        return cached(SCHEMAS, record.schemaId(), schemaId -> URI.create(schemaId).toString());
    }

    private static String cached(Map<String, String> cache, String key, Function<String, String> compute) {
        String value = cache.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    private static String pathSegment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
