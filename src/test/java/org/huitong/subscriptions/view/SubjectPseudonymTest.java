package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/** The subject attribute is delivered only to subscriptions that may read every key field in clear. */
class SubjectPseudonymTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry(ViewFixtures.SCHEMAS);

    private final SchemaRecordViews views = new SchemaRecordViews(REGISTRY);

    private static Subscription subscription(String id, String recordType, List<String> fields) {
        return new Subscription(id, "app", recordType, SubscriptionFilter.NONE, fields, List.of(), "p", null,
                SubscriptionStatus.ACTIVE, null, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private String subjectFor(Subscription subscription, String recordType) {
        return views.forSubscription(subscription)
                .apply(ViewFixtures.event(recordType, "lz-mca", ViewFixtures.json("{}")))
                .orElseThrow().path("subject").asText();
    }

    @Test
    void restrictedKeyBecomesPseudonym() {
        String subject = subjectFor(subscription("sub-1", "elder.person", List.of("name", "divisionCode")),
                "elder.person");

        assertThat(subject).startsWith(SubjectPseudonyms.PREFIX);
        assertThat(subject).hasSize(SubjectPseudonyms.PREFIX.length() + 22);
        assertThat(subject).doesNotContain("key-1");
    }

    @Test
    void pseudonymStablePerSubscription() {
        Subscription first = subscription("sub-1", "elder.person", List.of("name"));
        Subscription second = subscription("sub-2", "elder.person", List.of("name"));

        String once = subjectFor(first, "elder.person");
        String again = subjectFor(first, "elder.person");
        String other = subjectFor(second, "elder.person");

        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
    }

    @Test
    void grantedKeyFieldsKeepSubject() {
        String subject = subjectFor(subscription("sub-3", "credit.license", List.of("XK_WSH", "XK_XKJGDM")),
                "credit.license");

        assertThat(subject).isEqualTo("key-1");
    }

    @Test
    void partlyGrantedKeyBecomesPseudonym() {
        String subject = subjectFor(subscription("sub-4", "credit.license", List.of("XK_WSH")), "credit.license");

        assertThat(subject).startsWith(SubjectPseudonyms.PREFIX);
    }
}
