package org.huitong.connectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Map;

/**
 * A connector as declared in a descriptor: which department delivers, how the hub receives the
 * data, how source columns map onto a shared record type, and how the hub runs it. The JSON
 * Schema {@code connectors/descriptor.schema.json} on the class path defines the format;
 * {@link DescriptorReader} checks a descriptor against it before binding this record.
 *
 * @param id connector id: lower-case letters, digits and hyphens; also the name of its inbox
 *     folder
 * @param mapping explicit source column to schema field mappings; a column not listed here is
 *     matched by the field's standard Chinese name or national code
 * @param schedule when a polling source is read, or {@code null} for other sources
 * @param expectedInterval longest expected gap between two deliveries (ISO-8601), or
 *     {@code null} when the connector is never considered stale
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorDescriptor(
        String id,
        Department department,
        Contact contact,
        String description,
        Source source,
        Target target,
        Map<String, String> mapping,
        Schedule schedule,
        String expectedInterval,
        Options options) {

    public ConnectorDescriptor {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        options = options == null ? Options.DEFAULTS : options;
    }

    /** Returns the expected delivery interval as a duration, or {@code null} when none is set. */
    public Duration expectedDeliveryInterval() {
        return expectedInterval == null ? null : Duration.parse(expectedInterval);
    }

    /** Returns a copy with other source parameters, for example with secrets encrypted. */
    public ConnectorDescriptor withParameters(Map<String, String> parameters) {
        return new ConnectorDescriptor(id, department, contact, description,
                new Source(source.template(), parameters), target, mapping, schedule,
                expectedInterval, options);
    }

    /**
     * The providing department.
     *
     * @param code short department code, for example {@code lz-samr}; part of the CloudEvents
     *     {@code source}
     * @param name the department's Chinese name
     * @param nameEn the department's English name
     */
    public record Department(String code, String name, String nameEn) {
    }

    /** Who to call about the connector's data. */
    public record Contact(String name, String phone, String email) {
    }

    /**
     * How the hub receives the data.
     *
     * @param template a source template in {@code routes/}, for example {@code file-drop}
     * @param parameters the template's parameters, as text
     */
    public record Source(String template, Map<String, String> parameters) {

        public Source {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    /**
     * The shared record type the connector produces.
     *
     * @param recordType for example {@code credit.license}
     * @param version schema version, for example {@code 1}
     */
    public record Target(String recordType, String version) {
    }

    /**
     * When a polling source is read: exactly one of the two is set.
     *
     * @param interval ISO-8601 duration between the end of one poll and the start of the next
     * @param cron a Quartz-style cron expression
     */
    public record Schedule(String interval, String cron) {
    }

    /**
     * Processing options.
     *
     * @param chunkSize records committed together in one database and broker transaction
     * @param maxQuarantinedShare the share of a batch's records (0 to 1) that may be quarantined
     *     before the connector shows DEGRADED
     */
    public record Options(Integer chunkSize, Double maxQuarantinedShare) {

        private static final int DEFAULT_CHUNK_SIZE = 500;

        public static final Options DEFAULTS = new Options(DEFAULT_CHUNK_SIZE, 1.0);

        public Options {
            chunkSize = chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize;
            maxQuarantinedShare = maxQuarantinedShare == null ? 1.0 : maxQuarantinedShare;
        }
    }
}
