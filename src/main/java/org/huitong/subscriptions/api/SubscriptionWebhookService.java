package org.huitong.subscriptions.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import org.huitong.audit.AuditLog;
import org.huitong.security.ForbiddenException;
import org.huitong.security.HubRole;
import org.huitong.security.HubUser;
import org.huitong.security.SecretCipher;
import org.huitong.subscriptions.StoredSubscription;
import org.huitong.subscriptions.Subscriber;
import org.huitong.subscriptions.SubscriberRepository;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionChanged;
import org.huitong.subscriptions.SubscriptionRepository;
import org.huitong.subscriptions.SubscriptionStatus;
import org.huitong.subscriptions.Webhook;
import org.huitong.subscriptions.delivery.webhook.DeadLetterPage;
import org.huitong.subscriptions.delivery.webhook.WebhookDeadLetters;
import org.huitong.subscriptions.delivery.webhook.WebhookHostPolicy;
import org.huitong.subscriptions.delivery.webhook.WebhookSignatures;
import org.huitong.subscriptions.delivery.webhook.WebhookUrlException;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.NotFoundException;
import org.huitong.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets and removes a subscription's webhook and manages its dead letters. The subscriber itself,
 * the administrator of the subscriber's department and an administrator may; every change is
 * audited without the signing secret, and {@link SubscriptionChanged} is published after the
 * webhook change commits, which starts or stops the dispatcher.
 */
@Service
public class SubscriptionWebhookService {

    private final SubscriptionService subscriptionService;
    private final SubscriptionRepository subscriptions;
    private final SubscriberRepository subscribers;
    private final WebhookHostPolicy hostPolicy;
    private final WebhookDeadLetters deadLetters;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public SubscriptionWebhookService(SubscriptionService subscriptionService, SubscriptionRepository subscriptions,
                                      SubscriberRepository subscribers, WebhookHostPolicy hostPolicy,
                                      WebhookDeadLetters deadLetters, SecretCipher cipher, AuditLog audit,
                                      TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.subscriptionService = subscriptionService;
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.hostPolicy = hostPolicy;
        this.deadLetters = deadLetters;
        this.cipher = cipher;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
    }

    /** Sets or replaces the webhook with a new signing secret, which is returned only here. */
    public SubscriptionRequests.WebhookCreated set(String id, SubscriptionRequests.WebhookRequest request,
                                                   HubUser caller) {
        Subscription before = manageable(id, caller);
        try {
            hostPolicy.check(request.url());
        } catch (WebhookUrlException e) {
            throw new InvalidRequestException(e.messageKey(), e.args());
        }
        Webhook webhook = new Webhook(request.url(), request.batchSize());
        String secret = WebhookSignatures.newSecret();
        change(before, webhook, cipher.encrypt(secret), caller, "SUBSCRIPTION_WEBHOOK_SET");
        return new SubscriptionRequests.WebhookCreated(webhook, secret);
    }

    /** Removes the webhook; the dispatcher stops before this returns. */
    public void remove(String id, HubUser caller) {
        Subscription before = manageable(id, caller);
        if (before.webhook() == null) {
            throw new NotFoundException("webhook.none", id);
        }
        change(before, null, null, caller, "SUBSCRIPTION_WEBHOOK_REMOVED");
    }

    public DeadLetterPage deadLetters(String id, PageRequest page, HubUser caller) {
        Subscription subscription = managed(id, caller);
        try {
            return deadLetters.list(subscription.id(), page.offset(), page.limit());
        } catch (JMSException e) {
            throw new IllegalStateException("Failed to read the dead letters of subscription " + id, e);
        }
    }

    /**
     * Moves dead letters back to the feed queue.
     *
     * @param ids the dead letters, or null for all
     */
    public int replay(String id, List<String> ids, HubUser caller) {
        Subscription subscription = managed(id, caller);
        if (!subscription.isActive()) {
            throw new ConflictException("dead-letters.not-active", id, subscription.status().name());
        }
        requireIds(ids);
        try {
            int replayed = deadLetters.replay(subscription.id(), ids);
            auditDeadLetters(subscription, "WEBHOOK_DEAD_LETTERS_REPLAYED", ids, replayed);
            return replayed;
        } catch (JMSException e) {
            throw new IllegalStateException("Failed to replay the dead letters of subscription " + id, e);
        }
    }

    /**
     * Deletes dead letters.
     *
     * @param ids the dead letters, or null for all
     */
    public int discard(String id, List<String> ids, HubUser caller) {
        Subscription subscription = managed(id, caller);
        requireIds(ids);
        try {
            int discarded = deadLetters.discard(subscription.id(), ids);
            auditDeadLetters(subscription, "WEBHOOK_DEAD_LETTERS_DISCARDED", ids, discarded);
            return discarded;
        } catch (JMSException e) {
            throw new IllegalStateException("Failed to discard the dead letters of subscription " + id, e);
        }
    }

    private void change(Subscription before, Webhook webhook, String encryptedSecret, HubUser caller,
                        String action) {
        StoredSubscription after = transactions.execute(tx -> {
            if (!subscriptions.updateWebhook(before.id(), webhook, encryptedSecret, Instant.now())) {
                throw new ConflictException("subscription.status.changed", before.id());
            }
            StoredSubscription changed = subscriptions.find(before.id()).orElseThrow();
            audit.record(action, SubscriptionService.TARGET_TYPE, before.id(), department(before),
                    webhookOf(before), webhookOf(changed.subscription()));
            return changed;
        });
        events.publishEvent(new SubscriptionChanged(after.subscription()));
    }

    /** Returns the subscription if the caller may change its webhook and it is pending or active. */
    private Subscription manageable(String id, HubUser caller) {
        Subscription subscription = managed(id, caller);
        if (subscription.status() != SubscriptionStatus.PENDING && subscription.status() != SubscriptionStatus.ACTIVE) {
            throw new ConflictException("subscription.status.conflict", id, subscription.status().name(),
                    "[PENDING, ACTIVE]");
        }
        return subscription;
    }

    /** Returns the subscription if the caller is its subscriber, that department's admin or an admin. */
    private Subscription managed(String id, HubUser caller) {
        Subscription subscription = subscriptionService.get(id, caller).subscription();
        Subscriber subscriber = subscribers.find(subscription.subscriberId()).orElseThrow();
        boolean allowed = caller.role() == HubRole.ADMIN
                || caller.role() == HubRole.SUBSCRIBER && subscription.subscriberId().equals(caller.subscriberId())
                || caller.administers(subscriber.departmentCode());
        if (!allowed) {
            throw new ForbiddenException("webhook.manager", id, subscriber.departmentCode());
        }
        return subscription;
    }

    private static void requireIds(List<String> ids) {
        if (ids == null) {
            return;
        }
        for (String deadLetterId : ids) {
            if (!WebhookDeadLetters.ID_PATTERN.matcher(deadLetterId).matches()) {
                throw new InvalidRequestException("dead-letters.id.invalid", deadLetterId);
            }
        }
    }

    private void auditDeadLetters(Subscription subscription, String action, List<String> ids, int count) {
        audit.record(action, SubscriptionService.TARGET_TYPE, subscription.id(), department(subscription), null,
                Map.of("ids", ids == null ? "all" : ids, "count", count));
    }

    private String department(Subscription subscription) {
        if (subscription.providerDepartment() != null) {
            return subscription.providerDepartment();
        }
        return subscribers.find(subscription.subscriberId()).map(Subscriber::departmentCode).orElse(null);
    }

    private static Map<String, Object> webhookOf(Subscription subscription) {
        Webhook webhook = subscription.webhook();
        return webhook == null ? Map.of() : Map.of("webhook", webhook);
    }
}
