package org.huitong.subscriptions.view;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@link RecordView} of one subscription, prepared once by {@link SchemaRecordViews}. */
final class SubscriptionRecordView implements RecordView {

    /** CloudEvents extension attribute that names the subscription an event was delivered for. */
    static final String SUBSCRIPTION_ATTRIBUTE = "subscription";

    private static final String DATA = "data";
    private static final String DATA_SCHEMA = "dataschema";
    private static final String SUBJECT = "subject";

    private final String subscriptionId;
    private final String recordType;
    private final ViewFilter filter;
    private final Map<String, DataProjection> projectionsBySchemaId;
    private final String brokerSelector;

    /** Replaces the subject, or null when the subscription may read the subject in clear. */
    private final SubjectPseudonyms subjectPseudonyms;

    SubscriptionRecordView(String subscriptionId, String recordType, ViewFilter filter,
                           Map<String, DataProjection> projectionsBySchemaId, String brokerSelector,
                           SubjectPseudonyms subjectPseudonyms) {
        this.subjectPseudonyms = subjectPseudonyms;
        this.subscriptionId = subscriptionId;
        this.recordType = recordType;
        this.filter = filter;
        this.projectionsBySchemaId = Map.copyOf(projectionsBySchemaId);
        this.brokerSelector = brokerSelector;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The envelope attributes are copied as they are, and the extension attribute
     * {@value #SUBSCRIPTION_ATTRIBUTE} is set to the subscription id. The {@code subject}
     * attribute joins the business key fields; unless the subscription may read all of them in
     * clear, it is replaced by a keyed pseudonym. For {@code elder.person}, for example, the
     * subject is the citizen ID, a restricted field.
     *
     * @throws IllegalArgumentException if the event has no {@code data} object, or its
     *     {@code dataschema} is not a loaded schema of the subscription's record type
     */
    @Override
    public Optional<ObjectNode> apply(ObjectNode cloudEvent) {
        JsonNode data = cloudEvent.get(DATA);
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent " + cloudEvent.path("id").asText("(without id)")
                    + " for subscription " + subscriptionId + " has no data object; the hub publishes every"
                    + " record as a JSON object in data");
        }
        DataProjection projection = projection(cloudEvent);
        if (!filter.accepts(cloudEvent, data)) {
            return Optional.empty();
        }

        ObjectNode view = JsonNodeFactory.instance.objectNode();
        cloudEvent.properties().forEach(attribute -> {
            if (!attribute.getKey().equals(DATA)) {
                view.set(attribute.getKey(), attribute.getValue().deepCopy());
            }
        });
        view.put(SUBSCRIPTION_ATTRIBUTE, subscriptionId);
        JsonNode subject = view.get(SUBJECT);
        if (subjectPseudonyms != null && subject != null && subject.isTextual()) {
            view.put(SUBJECT, subjectPseudonyms.pseudonym(subscriptionId, subject.asText()));
        }
        view.set(DATA, projection.project(data));
        return Optional.of(view);
    }

    @Override
    public String brokerSelector() {
        return brokerSelector;
    }

    private DataProjection projection(ObjectNode cloudEvent) {
        String schemaId = cloudEvent.path(DATA_SCHEMA).asText("");
        DataProjection projection = projectionsBySchemaId.get(schemaId);
        if (projection == null) {
            throw new IllegalArgumentException("CloudEvent " + cloudEvent.path("id").asText("(without id)")
                    + " has dataschema \"" + schemaId + "\", which is not a loaded schema of record type "
                    + recordType + " (subscription " + subscriptionId + "); loaded: "
                    + projectionsBySchemaId.keySet());
        }
        return projection;
    }
}
