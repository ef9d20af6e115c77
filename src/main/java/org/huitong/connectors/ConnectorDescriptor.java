package org.huitong.connectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * A connector as declared in a descriptor file under {@code connectors/}: which department
 * delivers, how the hub receives the data, how source columns map onto a shared record type.
 *
 * @param id connector id: lower-case letters, digits and hyphens; also the name of its inbox
 *     folder
 * @param mapping explicit source column to schema field mappings; a column not listed here is
 *     matched by the field's standard Chinese name or national code
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConnectorDescriptor(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$") String id,
        @NotNull @Valid Department department,
        String description,
        @NotNull @Valid Source source,
        @NotNull @Valid Target target,
        Map<String, String> mapping,
        @Valid Options options) {

    public ConnectorDescriptor {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        options = options == null ? Options.DEFAULTS : options;
    }

    /**
     * The providing department.
     *
     * @param code short department code, for example {@code lz-samr}; part of the CloudEvents
     *     {@code source}
     * @param name the department's Chinese name
     * @param nameEn the department's English name
     */
    public record Department(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$") String code,
            @NotBlank String name,
            String nameEn) {
    }

    /**
     * How the hub receives the data.
     *
     * @param template a route template in {@code routes/}, for example {@code file-drop}
     * @param parameters the template's parameters
     */
    public record Source(@NotBlank String template, Map<String, String> parameters) {

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
    public record Target(@NotBlank String recordType, @NotBlank String version) {
    }

    /**
     * Processing options.
     *
     * @param chunkSize records committed together in one database and broker transaction
     */
    public record Options(@Min(1) @Max(10_000) int chunkSize) {

        public static final Options DEFAULTS = new Options(500);
    }
}
