package org.huitong.subscriptions.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masks of the personal-data kinds that schemas declare with {@code x-personal}.
 *
 * <p>Text kinds ({@code name}, {@code citizen-id}, {@code phone}, {@code address},
 * {@code birth-date}, {@code bank-card}) follow {@link TextMasks}; a non-text value of such a
 * field is masked as its JSON text. {@code gender} becomes {@code *}. {@code location} (a
 * latitude or longitude in degrees) is rounded half-up to 2 decimals, about 1 km. An array is
 * masked element by element, and a JSON null stays null. A kind the hub does not know replaces
 * the whole value with {@code ***}, so a new kind in a schema fails safe.
 */
public final class FieldMasks {

    private static final Logger log = LoggerFactory.getLogger(FieldMasks.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int LOCATION_DECIMALS = 2;

    private static final Map<String, FieldMask> KNOWN = Map.of(
            "name", text(TextMasks::name),
            "citizen-id", text(TextMasks::citizenId),
            "phone", text(TextMasks::phone),
            "address", text(TextMasks::address),
            "birth-date", text(TextMasks::birthDate),
            "bank-card", text(TextMasks::bankCard),
            "gender", elementwise(value -> TextNode.valueOf("*")),
            "location", elementwise(FieldMasks::location));

    private static final FieldMask UNKNOWN = elementwise(value -> TextNode.valueOf(TextMasks.WHOLE_VALUE));

    private final Set<String> reportedUnknownKinds = ConcurrentHashMap.newKeySet();

    /** Returns the mask of a personal-data kind, or the whole-value mask for an unknown kind. */
    public FieldMask forKind(String kind) {
        FieldMask mask = KNOWN.get(kind);
        if (mask != null) {
            return mask;
        }
        if (reportedUnknownKinds.add(kind)) {
            log.warn("Unknown x-personal kind \"{}\": its values are replaced whole by {}. Add a mask"
                    + " for the kind to FieldMasks.", kind, TextMasks.WHOLE_VALUE);
        }
        return UNKNOWN;
    }

    /** Returns whether {@code kind} has its own mask. */
    public static boolean isKnown(String kind) {
        return KNOWN.containsKey(kind);
    }

    private static FieldMask text(UnaryOperator<String> rule) {
        return elementwise(value -> TextNode.valueOf(rule.apply(value.isTextual() ? value.textValue() : value.toString())));
    }

    /** Applies {@code scalarMask} to a value, or to each element of an array; null stays null. */
    private static FieldMask elementwise(UnaryOperator<JsonNode> scalarMask) {
        return new FieldMask() {
            @Override
            public JsonNode mask(JsonNode value) {
                if (value == null || value.isNull() || value.isMissingNode()) {
                    return value;
                }
                if (value.isArray()) {
                    ArrayNode masked = NODES.arrayNode(value.size());
                    value.forEach(element -> masked.add(mask(element)));
                    return masked;
                }
                if (value.isContainerNode()) {
                    return TextNode.valueOf(TextMasks.WHOLE_VALUE);
                }
                return scalarMask.apply(value);
            }
        };
    }

    private static JsonNode location(JsonNode value) {
        BigDecimal degrees;
        try {
            degrees = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            // Text that is no number, or a floating-point NaN or infinity.
            return TextNode.valueOf(TextMasks.WHOLE_VALUE);
        }
        return NODES.numberNode(degrees.setScale(LOCATION_DECIMALS, RoundingMode.HALF_UP));
    }
}
