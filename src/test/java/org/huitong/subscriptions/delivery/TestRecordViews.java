package org.huitong.subscriptions.delivery;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.view.RecordView;
import org.huitong.subscriptions.view.RecordViews;

/**
 * A small stand-in for the schema-based views: it filters on division prefixes, keeps the
 * granted fields and masks {@link #PERSONAL_FIELDS} that are not granted in clear with
 * {@link #MASK}. Its broker selector covers the division filter.
 */
final class TestRecordViews implements RecordViews {

    /** Fields treated as personal data in tests: the license holder's name. */
    static final Set<String> PERSONAL_FIELDS = Set.of("XK_XDR_MC");

    static final String MASK = "***";

    @Override
    public RecordView forSubscription(Subscription subscription) {
        return new View(subscription);
    }

    private record View(Subscription subscription) implements RecordView {

        @Override
        public Optional<ObjectNode> apply(ObjectNode cloudEvent) {
            JsonNode data = cloudEvent.path("data");
            if (!matchesDivision(data.path("divisionCode").asText(""))) {
                return Optional.empty();
            }

            ObjectNode copy = cloudEvent.deepCopy();
            ObjectNode visible = (ObjectNode) copy.get("data");
            Iterator<Map.Entry<String, JsonNode>> fields = visible.fields();
            while (fields.hasNext()) {
                String name = fields.next().getKey();
                if (!subscription.fields().contains(name)) {
                    fields.remove();
                }
            }
            for (String personal : PERSONAL_FIELDS) {
                if (visible.has(personal) && !subscription.clearFields().contains(personal)) {
                    visible.put(personal, MASK);
                }
            }
            return Optional.of(copy);
        }

        @Override
        public String brokerSelector() {
            SubscriptionFilter filter = subscription.filter();
            if (filter.divisions().isEmpty()) {
                return null;
            }
            return filter.divisions().stream()
                    .map(prefix -> "huitong_division LIKE '" + prefix + "%'")
                    .collect(Collectors.joining(" OR "));
        }

        private boolean matchesDivision(String division) {
            return subscription.filter().divisions().isEmpty()
                    || subscription.filter().divisions().stream().anyMatch(division::startsWith);
        }
    }
}
