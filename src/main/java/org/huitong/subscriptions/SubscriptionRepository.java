package org.huitong.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huitong.jdbc.JdbcTimestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores subscriptions in the {@code subscriptions} table. The filter and the field lists are
 * JSON text; the webhook secret is stored as given, which is encrypted by the caller.
 */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = "id, subscriber_id, record_type, filter_json, fields_json,"
            + " clear_fields_json, purpose, provider_department, status, webhook_url, webhook_batch_size,"
            + " decided_by, decided_at, decision_reason, created_at";

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public SubscriptionRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Returns the next subscription id, such as {@code sub-42}. */
    public String nextId() {
        Long number = jdbc.getJdbcOperations().queryForObject("SELECT nextval('subscription_numbers')",
                Long.class);
        return "sub-" + number;
    }

    /** Inserts a subscription; {@code encryptedWebhookSecret} is null when it has no webhook. */
    public void insert(Subscription subscription, String encryptedWebhookSecret, String createdBy) {
        Webhook webhook = subscription.webhook();
        jdbc.update("INSERT INTO subscriptions (id, subscriber_id, record_type, filter_json, fields_json,"
                + " clear_fields_json, purpose, provider_department, status, webhook_url, webhook_batch_size,"
                + " webhook_secret, created_at, created_by) VALUES (:id, :subscriber, :recordType, :filter,"
                + " :fields, :clearFields, :purpose, :provider, :status, :webhookUrl, :webhookBatchSize,"
                + " :webhookSecret, :createdAt, :createdBy)",
                new MapSqlParameterSource("id", subscription.id())
                        .addValue("subscriber", subscription.subscriberId())
                        .addValue("recordType", subscription.recordType())
                        .addValue("filter", write(subscription.filter()))
                        .addValue("fields", write(subscription.fields()))
                        .addValue("clearFields", write(subscription.clearFields()))
                        .addValue("purpose", subscription.purpose())
                        .addValue("provider", subscription.providerDepartment())
                        .addValue("status", subscription.status().name())
                        .addValue("webhookUrl", webhook == null ? null : webhook.url())
                        .addValue("webhookBatchSize", webhook == null ? null : webhook.batchSize())
                        .addValue("webhookSecret", encryptedWebhookSecret)
                        .addValue("createdAt", JdbcTimestamps.toParameter(subscription.createdAt()))
                        .addValue("createdBy", createdBy));
    }

    public Optional<StoredSubscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id",
                new MapSqlParameterSource("id", id), (row, n) -> map(row)).stream().findFirst();
    }

    /**
     * Returns subscriptions ordered by number, narrowed by every argument that is not null.
     *
     * @param visibleToDepartment a department whose administrator may read the subscriptions
     *     of its own subscribers and those it provides data for
     */
    public List<StoredSubscription> list(String subscriberId, String visibleToDepartment,
                                         SubscriptionStatus status, String recordType) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (subscriberId != null) {
            where.append(" AND s.subscriber_id = :subscriber");
        }
        if (visibleToDepartment != null) {
            where.append(" AND (s.provider_department = :department OR s.subscriber_id IN"
                    + " (SELECT id FROM subscribers WHERE department_code = :department))");
        }
        if (status != null) {
            where.append(" AND s.status = :status");
        }
        if (recordType != null) {
            where.append(" AND s.record_type = :recordType");
        }
        String columns = "s." + COLUMNS.replace(", ", ", s.");
        return jdbc.query("SELECT " + columns + " FROM subscriptions s" + where
                        + " ORDER BY CAST(SUBSTRING(s.id, 5) AS BIGINT)",
                new MapSqlParameterSource("subscriber", subscriberId)
                        .addValue("department", visibleToDepartment)
                        .addValue("status", status == null ? null : status.name())
                        .addValue("recordType", recordType),
                (row, n) -> map(row));
    }

    public List<Subscription> withStatus(SubscriptionStatus status, String subscriberId) {
        return list(subscriberId, null, status, null).stream().map(StoredSubscription::subscription).toList();
    }

    /**
     * Moves a subscription from one status to another and records the decision. Returns false
     * when the subscription was no longer in {@code from}, because someone else decided first.
     */
    public boolean decide(String id, SubscriptionStatus from, SubscriptionStatus to, SubscriptionDecision decision) {
        return jdbc.update("UPDATE subscriptions SET status = :to, decided_by = :by, decided_at = :at,"
                + " decision_reason = :reason, updated_at = :at WHERE id = :id AND status = :from",
                new MapSqlParameterSource("id", id)
                        .addValue("from", from.name())
                        .addValue("to", to.name())
                        .addValue("by", decision.decidedBy())
                        .addValue("at", JdbcTimestamps.toParameter(decision.decidedAt()))
                        .addValue("reason", decision.reason())) == 1;
    }

    /**
     * Sets or replaces the webhook of a pending or active subscription, or removes it when
     * {@code webhook} is null. Returns false when the subscription is in neither status.
     *
     * @param encryptedSecret the signing secret as {@link org.huitong.security.SecretCipher}
     *     encrypted it; null exactly when {@code webhook} is null
     */
    public boolean updateWebhook(String id, Webhook webhook, String encryptedSecret, Instant at) {
        return jdbc.update("UPDATE subscriptions SET webhook_url = :url, webhook_batch_size = :batchSize,"
                + " webhook_secret = :secret, updated_at = :at WHERE id = :id AND status IN ('PENDING', 'ACTIVE')",
                new MapSqlParameterSource("id", id)
                        .addValue("url", webhook == null ? null : webhook.url())
                        .addValue("batchSize", webhook == null ? null : webhook.batchSize())
                        .addValue("secret", encryptedSecret)
                        .addValue("at", JdbcTimestamps.toParameter(at))) == 1;
    }

    /** Returns the stored, encrypted webhook secret of a subscription. */
    public Optional<String> webhookSecret(String id) {
        return jdbc.queryForList("SELECT webhook_secret FROM subscriptions WHERE id = :id"
                + " AND webhook_secret IS NOT NULL", new MapSqlParameterSource("id", id), String.class)
                .stream().findFirst();
    }

    private StoredSubscription map(ResultSet row) throws SQLException {
        String webhookUrl = row.getString("webhook_url");
        Webhook webhook = webhookUrl == null ? null : new Webhook(webhookUrl, row.getInt("webhook_batch_size"));
        Subscription subscription = new Subscription(row.getString("id"), row.getString("subscriber_id"),
                row.getString("record_type"), read(row.getString("filter_json"), SubscriptionFilter.class),
                read(row.getString("fields_json")), read(row.getString("clear_fields_json")),
                row.getString("purpose"), row.getString("provider_department"),
                SubscriptionStatus.valueOf(row.getString("status")), webhook,
                JdbcTimestamps.read(row, "created_at"));
        String decidedBy = row.getString("decided_by");
        SubscriptionDecision decision = decidedBy == null ? null : new SubscriptionDecision(decidedBy,
                JdbcTimestamps.read(row, "decided_at"), row.getString("decision_reason"));
        return new StoredSubscription(subscription, decision);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write subscription value as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored subscription JSON is invalid: " + e.getOriginalMessage(), e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored subscription JSON is invalid: " + e.getOriginalMessage(), e);
        }
    }
}
