package org.huitong.subscriptions.view;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huitong.schema.FieldSpec;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.Subscription;
import org.huitong.security.SecretKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds subscription views from the shared schemas: for each loaded version of the record type,
 * which granted fields are delivered in schema order and which of them are masked by their
 * {@code x-personal} kind (see {@link FieldMasks}). A view is built once and then applied to many
 * events.
 */
@Component
public class SchemaRecordViews implements RecordViews {

    private final SchemaRegistry schemas;
    private final FieldMasks masks = new FieldMasks();
    private final SubjectPseudonyms pseudonyms;

    /** Creates the views of the running hub, whose subject pseudonyms derive from the hub's secret key. */
    @Autowired
    public SchemaRecordViews(SchemaRegistry schemas, SecretKeys secretKeys) {
        this(schemas, secretKeys.load().getEncoded());
    }

    /** Creates views whose subject pseudonyms change with every instance, which suits tests only. */
    public SchemaRecordViews(SchemaRegistry schemas) {
        this(schemas, randomKey());
    }

    private SchemaRecordViews(SchemaRegistry schemas, byte[] pseudonymKey) {
        this.schemas = schemas;
        this.pseudonyms = new SubjectPseudonyms(pseudonymKey);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the record type has no schema, a division prefix is not
     *     1 to 12 digits, or the filter tests a field that the schema lacks or marks restricted.
     *     A filter on a restricted field would reveal whether a record has that value.
     */
    @Override
    public RecordView forSubscription(Subscription subscription) {
        List<RecordTypeSpec> versions = versionsOf(subscription);
        checkFilterFields(subscription, versions);
        ViewFilter filter = new ViewFilter(subscription.id(), subscription.filter());

        Set<String> granted = Set.copyOf(subscription.fields());
        Set<String> clear = Set.copyOf(subscription.clearFields());
        Map<String, DataProjection> projections = new LinkedHashMap<>();
        for (RecordTypeSpec spec : versions) {
            projections.put(spec.schemaId(), DataProjection.of(spec, granted, clear, masks));
        }

        String selector = BrokerSelectors.of(subscription.filter().departments(), filter.divisionPrefixes());
        SubjectPseudonyms subjects = subjectInClear(versions, granted, clear) ? null : pseudonyms;
        return new SubscriptionRecordView(subscription.id(), subscription.recordType(), filter, projections, selector,
                subjects);
    }

    /**
     * Returns true when the subscription may read every business key field in clear, so the
     * event's {@code subject}, which joins those fields, may be delivered as it is.
     */
    private static boolean subjectInClear(List<RecordTypeSpec> versions, Set<String> granted, Set<String> clear) {
        for (RecordTypeSpec spec : versions) {
            for (String keyField : spec.keyFields()) {
                boolean personal = spec.field(keyField).map(field -> field.personal() != null).orElse(true);
                if (!granted.contains(keyField) || personal && !clear.contains(keyField)) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<RecordTypeSpec> versionsOf(Subscription subscription) {
        List<RecordTypeSpec> versions = schemas.all().stream()
                .filter(spec -> spec.type().equals(subscription.recordType()))
                .toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("Subscription " + subscription.id() + " is for record type "
                    + subscription.recordType() + ", which has no schema in the schema directory");
        }
        return versions;
    }

    private static void checkFilterFields(Subscription subscription, List<RecordTypeSpec> versions) {
        Set<String> known = new HashSet<>();
        Set<String> restricted = new HashSet<>();
        for (RecordTypeSpec spec : versions) {
            for (FieldSpec field : spec.fields()) {
                known.add(field.name());
                if (DataProjection.RESTRICTED.equals(field.sharing())) {
                    restricted.add(field.name());
                }
            }
        }

        for (String field : subscription.filter().fields().keySet()) {
            if (!known.contains(field)) {
                throw new IllegalArgumentException("Subscription " + subscription.id() + " filters on field "
                        + field + ", which record type " + subscription.recordType() + " does not have");
            }
            if (restricted.contains(field)) {
                throw new IllegalArgumentException("Subscription " + subscription.id() + " filters on field "
                        + field + ", which is restricted in record type " + subscription.recordType()
                        + "; a filter may test only fields that can be shared");
            }
        }
    }
}
