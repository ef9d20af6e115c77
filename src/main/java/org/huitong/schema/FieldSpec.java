package org.huitong.schema;

import java.util.List;
import java.util.Map;

/**
 * One field of a shared record type, read from its JSON Schema property and annotations.
 *
 * @param name the property name in the published record, for example {@code XK_WSH}
 * @param title the standard Chinese field name (the schema's {@code title}), matched against
 *     source headers
 * @param code the national field code ({@code x-code}) where one exists, else {@code null}
 * @param aliases further accepted source headers ({@code x-aliases}), for example legacy names
 * @param type JSON type: {@code string}, {@code number}, {@code integer}, {@code boolean} or
 *     {@code array}
 * @param format the {@code format} of the value (of the items for arrays), for example
 *     {@code date}, {@code date-time}, {@code uscc}, {@code citizen-id}, {@code division-code};
 *     {@code null} if none
 * @param required whether the schema lists the field as always required
 * @param sharing sharing class ({@code x-sharing}): {@code open}, {@code conditional} or
 *     {@code restricted}
 * @param personal kind of personal data ({@code x-personal}), for example {@code name},
 *     {@code citizen-id}, {@code phone}, {@code address}; {@code null} if none
 * @param legacyValues older source values and the current value each maps to
 *     ({@code x-legacy-values}), for example an old penalty category name; empty if none
 * @param ambiguousLegacyValues older source values that cover several current values
 *     ({@code x-legacy-ambiguous}), which the hub cannot choose between; empty if none
 * @param documentTypeField for an identity document number, the field that contains the document
 *     type ({@code x-document-type}), for example {@code XK_XDR_ZJLX}; {@code null} if none
 */
public record FieldSpec(String name, String title, String code, List<String> aliases,
                        String type, String format, boolean required, String sharing,
                        String personal, Map<String, String> legacyValues,
                        Map<String, List<String>> ambiguousLegacyValues, String documentTypeField) {

    public FieldSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        legacyValues = legacyValues == null ? Map.of() : Map.copyOf(legacyValues);
        ambiguousLegacyValues = ambiguousLegacyValues == null ? Map.of() : Map.copyOf(ambiguousLegacyValues);
    }

    /** Creates a field that is not an identity document number. */
    public FieldSpec(String name, String title, String code, List<String> aliases, String type,
                     String format, boolean required, String sharing, String personal,
                     Map<String, String> legacyValues, Map<String, List<String>> ambiguousLegacyValues) {
        this(name, title, code, aliases, type, format, required, sharing, personal, legacyValues,
                ambiguousLegacyValues, null);
    }

    /** Creates a field without ambiguous legacy values. */
    public FieldSpec(String name, String title, String code, List<String> aliases, String type,
                     String format, boolean required, String sharing, String personal,
                     Map<String, String> legacyValues) {
        this(name, title, code, aliases, type, format, required, sharing, personal, legacyValues,
                Map.of());
    }
}
