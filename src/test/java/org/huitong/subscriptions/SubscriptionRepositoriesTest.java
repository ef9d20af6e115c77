package org.huitong.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The subscribers and subscriptions tables on H2 and PostgreSQL. */
class SubscriptionRepositoriesTest extends BothDatabasesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static Subscription subscription(String id, String subscriber, String provider,
                                             SubscriptionStatus status) {
        SubscriptionFilter filter = new SubscriptionFilter(List.of("6201"), List.of("lz-mca"),
                Map.of("abilityLevel", List.of("失能", "半失能")));
        return new Subscription(id, subscriber, "elder.person", filter, List.of("name", "abilityLevel"),
                List.of("name"), "居家养老派单", provider, status, null, NOW);
    }

    private static Subscriber subscriber(String id, String department) {
        return new Subscriber(id, "系统 " + id, department, "0931-1", null, true, NOW, "alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void subscriptionRoundTripsAndNumbersGrow(MigratedDatabase database) {
        SubscriberRepository subscribers = new SubscriberRepository(database.deleteAllRows().jdbc());
        SubscriptionRepository subscriptions = new SubscriptionRepository(database.jdbc(), new ObjectMapper()
                .findAndRegisterModules());
        subscribers.insert(subscriber("care", "lz-fgw"), "{noop}x");

        String first = subscriptions.nextId();
        String second = subscriptions.nextId();
        subscriptions.insert(subscription(first, "care", "lz-mca", SubscriptionStatus.PENDING), null, "bob");

        Subscription stored = subscriptions.find(first).orElseThrow().subscription();
        assertThat(first).matches("sub-\\d+");
        assertThat(Long.parseLong(second.substring(4))).isGreaterThan(Long.parseLong(first.substring(4)));
        assertThat(stored).isEqualTo(subscription(first, "care", "lz-mca", SubscriptionStatus.PENDING));
        assertThat(subscriptions.find(first).orElseThrow().decision()).isNull();
        assertThat(subscriptions.webhookSecret(first)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void webhookIsSetAndRemovedWhileOpen(MigratedDatabase database) {
        SubscriberRepository subscribers = new SubscriberRepository(database.deleteAllRows().jdbc());
        SubscriptionRepository subscriptions = new SubscriptionRepository(database.jdbc(), new ObjectMapper()
                .findAndRegisterModules());
        subscribers.insert(subscriber("care", "lz-fgw"), "{noop}x");
        subscriptions.insert(subscription("sub-1", "care", "lz-mca", SubscriptionStatus.ACTIVE), null, "bob");
        subscriptions.insert(subscription("sub-2", "care", "lz-mca", SubscriptionStatus.REVOKED), null, "bob");
        Webhook webhook = new Webhook("https://hook.example.cn/in", 50);

        boolean set = subscriptions.updateWebhook("sub-1", webhook, "enc:v1:secret", NOW);
        boolean setOnRevoked = subscriptions.updateWebhook("sub-2", webhook, "enc:v1:secret", NOW);

        assertThat(set).isTrue();
        assertThat(setOnRevoked).isFalse();
        assertThat(subscriptions.find("sub-1").orElseThrow().subscription().webhook()).isEqualTo(webhook);
        assertThat(subscriptions.webhookSecret("sub-1")).contains("enc:v1:secret");
        assertThat(subscriptions.find("sub-2").orElseThrow().subscription().webhook()).isNull();

        assertThat(subscriptions.updateWebhook("sub-1", null, null, NOW)).isTrue();
        assertThat(subscriptions.find("sub-1").orElseThrow().subscription().webhook()).isNull();
        assertThat(subscriptions.webhookSecret("sub-1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void decisionNeedsTheExpectedStatus(MigratedDatabase database) {
        SubscriberRepository subscribers = new SubscriberRepository(database.deleteAllRows().jdbc());
        SubscriptionRepository subscriptions = new SubscriptionRepository(database.jdbc(), new ObjectMapper()
                .findAndRegisterModules());
        subscribers.insert(subscriber("care", "lz-fgw"), "{noop}x");
        subscriptions.insert(subscription("sub-1", "care", "lz-mca", SubscriptionStatus.PENDING), null, "bob");
        SubscriptionDecision decision = new SubscriptionDecision("carol", NOW, "同意");

        boolean approved = subscriptions.decide("sub-1", SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE,
                decision);
        boolean again = subscriptions.decide("sub-1", SubscriptionStatus.PENDING, SubscriptionStatus.REFUSED,
                decision);

        assertThat(approved).isTrue();
        assertThat(again).isFalse();
        StoredSubscription stored = subscriptions.find("sub-1").orElseThrow();
        assertThat(stored.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(stored.decision()).isEqualTo(decision);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listsNarrowByDepartmentStatusAndSubscriber(MigratedDatabase database) {
        SubscriberRepository subscribers = new SubscriberRepository(database.deleteAllRows().jdbc());
        SubscriptionRepository subscriptions = new SubscriptionRepository(database.jdbc(), new ObjectMapper()
                .findAndRegisterModules());
        subscribers.insert(subscriber("care", "lz-fgw"), "{noop}x");
        subscribers.insert(subscriber("credit", "lz-samr"), "{noop}x");
        subscriptions.insert(subscription("sub-2", "care", "lz-mca", SubscriptionStatus.PENDING), null, "bob");
        subscriptions.insert(subscription("sub-10", "credit", null, SubscriptionStatus.ACTIVE), null, "bob");
        subscriptions.insert(subscription("sub-3", "credit", "lz-mca", SubscriptionStatus.ACTIVE), null, "bob");

        assertThat(ids(subscriptions.list(null, null, null, null))).containsExactly("sub-2", "sub-3", "sub-10");
        assertThat(ids(subscriptions.list(null, "lz-mca", null, null))).containsExactly("sub-2", "sub-3");
        assertThat(ids(subscriptions.list(null, "lz-samr", null, null))).containsExactly("sub-3", "sub-10");
        assertThat(ids(subscriptions.list("credit", null, SubscriptionStatus.ACTIVE, "elder.person")))
                .containsExactly("sub-3", "sub-10");
        assertThat(subscriptions.withStatus(SubscriptionStatus.PENDING, null)).extracting(Subscription::id)
                .containsExactly("sub-2");
        assertThat(subscribers.list("lz-samr")).extracting(Subscriber::id).containsExactly("credit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void disabledSubscriberHasNoBrokerPassword(MigratedDatabase database) {
        SubscriberRepository subscribers = new SubscriberRepository(database.deleteAllRows().jdbc());
        subscribers.insert(subscriber("care", "lz-fgw"), "{noop}x");

        subscribers.updateEnabled("care", false);

        assertThat(subscribers.brokerPasswordHash("care")).isEmpty();
        assertThat(subscribers.find("care").orElseThrow().enabled()).isFalse();
    }

    private static List<String> ids(List<StoredSubscription> subscriptions) {
        return subscriptions.stream().map(stored -> stored.subscription().id()).toList();
    }
}
