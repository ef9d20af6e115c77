package org.huitong.subscriptions.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.huitong.security.DepartmentCodes;
import org.huitong.subscriptions.Webhook;

/**
 * Request bodies of the subscriber and subscription endpoints. Each constraint message is a key of
 * the {@code i18n/subscriptions} bundle whose argument {0} is the field name.
 */
public final class SubscriptionRequests {

    static final int MAX_FIELDS = 200;
    static final int MAX_FILTER_VALUES = 100;
    static final int MAX_WEBHOOK_BATCH_SIZE = 500;
    static final int MAX_DEAD_LETTER_IDS = 500;

    private SubscriptionRequests() {
    }

    /** A new downstream system; a department administrator registers it for its own department. */
    public record RegisterSubscriber(
            @NotNull(message = "body.required")
            @Pattern(regexp = DepartmentCodes.REGEX, message = "body.subscriber-id.invalid") String id,
            @NotBlank(message = "body.required") @Size(max = 256, message = "body.too-long") String name,
            @Size(max = 63, message = "body.too-long") String departmentCode,
            @NotBlank(message = "body.required") @Size(max = 512, message = "body.too-long") String contact,
            @Size(max = 2000, message = "body.too-long") String description) {
    }

    /**
     * A subscriber's broker and API credentials, shown once, when they are issued.
     *
     * @param brokerPassword null when the operator keeps the external broker's users
     */
    public record Credentials(String brokerUsername, String brokerPassword, String apiKey) {
    }

    /** The filter part of a subscription request; absent members mean no restriction. */
    public record Filter(
            @Size(max = MAX_FILTER_VALUES, message = "body.too-many")
            List<@Pattern(regexp = "^[0-9]{1,12}$", message = "body.division-prefix.invalid") String> divisions,
            @Size(max = MAX_FILTER_VALUES, message = "body.too-many")
            List<@Pattern(regexp = DepartmentCodes.REGEX, message = "body.department.invalid") String> departments,
            @Size(max = MAX_FILTER_VALUES, message = "body.too-many")
            Map<String, @Size(min = 1, max = MAX_FILTER_VALUES, message = "body.filter-values.size")
                    List<@NotNull(message = "body.required") String>> fields) {
    }

    /**
     * A request for one record type. A subscriber requests for itself; an administrator names the
     * subscriber.
     */
    public record Request(
            @Size(max = 63, message = "body.too-long") String subscriberId,
            @NotBlank(message = "body.required") @Size(max = 128, message = "body.too-long") String recordType,
            @Valid Filter filter,
            @NotEmpty(message = "body.required") @Size(max = MAX_FIELDS, message = "body.too-many")
            List<@NotBlank(message = "body.required") String> fields,
            @Size(max = MAX_FIELDS, message = "body.too-many")
            List<@NotBlank(message = "body.required") String> clearFields,
            @NotBlank(message = "body.required") @Size(max = 2000, message = "body.too-long") String purpose) {
    }

    /** An approval, refusal or revocation; the reason is required except for an approval. */
    public record Decision(@Size(max = 2000, message = "body.too-long") String reason) {
    }

    /** A webhook to set; the hub checks the URL against its host policy. */
    public record WebhookRequest(
            @NotBlank(message = "body.required") String url,
            @NotNull(message = "body.required")
            @Min(value = 1, message = "body.batch-size.range")
            @Max(value = MAX_WEBHOOK_BATCH_SIZE, message = "body.batch-size.range") Integer batchSize) {
    }

    /** The webhook as set, with its signing secret, which the API returns only this once. */
    public record WebhookCreated(Webhook webhook, String secret) {
    }

    /** Dead letters to replay or discard; an absent list selects all of them. */
    public record DeadLetterIds(
            @Size(min = 1, max = MAX_DEAD_LETTER_IDS, message = "body.dead-letter-ids.size")
            List<@NotNull(message = "body.required") String> ids) {
    }
}
