package org.huitong.subscriptions.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huitong.audit.AuditLog;
import org.huitong.security.ForbiddenException;
import org.huitong.security.HubRole;
import org.huitong.security.HubUser;
import org.huitong.subscriptions.SharingPolicy;
import org.huitong.subscriptions.StoredSubscription;
import org.huitong.subscriptions.Subscriber;
import org.huitong.subscriptions.SubscriberRepository;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.SubscriptionChanged;
import org.huitong.subscriptions.SubscriptionDecision;
import org.huitong.subscriptions.SubscriptionFilter;
import org.huitong.subscriptions.SubscriptionRepository;
import org.huitong.subscriptions.SubscriptionStatus;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval flow of subscriptions. A request for open fields only is granted at once. One
 * that requests conditional fields or for personal fields in clear waits for the providing
 * department's administrator, or an administrator or operator, to approve or refuse it. Every
 * step is audited, and {@link SubscriptionChanged} is published after its transaction commits.
 */
@Service
public class SubscriptionService {

    static final String TARGET_TYPE = "subscription";

    private final SubscriptionRepository subscriptions;
    private final SubscriberRepository subscribers;
    private final SharingPolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public SubscriptionService(SubscriptionRepository subscriptions, SubscriberRepository subscribers,
                               SharingPolicy policy, AuditLog audit, TransactionTemplate transactions,
                               ApplicationEventPublisher events) {
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
    }

    public StoredSubscription request(SubscriptionRequests.Request request, HubUser caller) {
        Subscriber subscriber = requestingSubscriber(request.subscriberId(), caller);
        SubscriptionFilter filter = filter(request.filter());
        SharingPolicy.Evaluation grant = policy.evaluate(request.recordType(), request.fields(),
                request.clearFields() == null ? List.of() : request.clearFields());
        requireFilterOnGrantedFields(filter, grant.fields());

        String provider = null;
        if (grant.needsApproval()) {
            if (filter.departments().size() != 1) {
                throw new InvalidRequestException("subscription.provider.required", request.recordType());
            }
            provider = filter.departments().get(0);
        }
        SubscriptionStatus status = grant.needsApproval() ? SubscriptionStatus.PENDING : SubscriptionStatus.ACTIVE;
        String providerDepartment = provider;

        StoredSubscription created = transactions.execute(tx -> {
            Subscription subscription = new Subscription(subscriptions.nextId(), subscriber.id(),
                    request.recordType(), filter, grant.fields(), grant.clearFields(), request.purpose().strip(),
                    providerDepartment, status, null, Instant.now());
            subscriptions.insert(subscription, null, caller.name());
            audit.record("SUBSCRIPTION_REQUESTED", TARGET_TYPE, subscription.id(),
                    auditDepartment(subscription, subscriber), null, subscription);
            return subscriptions.find(subscription.id()).orElseThrow();
        });
        events.publishEvent(new SubscriptionChanged(created.subscription()));
        return created;
    }

    public StoredSubscription approve(String id, SubscriptionRequests.Decision decision, HubUser caller) {
        StoredSubscription stored = get(id, caller);
        requireDecider(stored.subscription(), caller);
        return decide(stored, Set.of(SubscriptionStatus.PENDING), SubscriptionStatus.ACTIVE,
                reason(decision, false), caller, "SUBSCRIPTION_APPROVED");
    }

    public StoredSubscription refuse(String id, SubscriptionRequests.Decision decision, HubUser caller) {
        StoredSubscription stored = get(id, caller);
        requireDecider(stored.subscription(), caller);
        return decide(stored, Set.of(SubscriptionStatus.PENDING), SubscriptionStatus.REFUSED,
                reason(decision, true), caller, "SUBSCRIPTION_REFUSED");
    }

    /**
     * Revokes a pending or active subscription: its subscriber, its subscriber's department
     * administrator, its provider's administrator, an administrator or an operator may.
     */
    public StoredSubscription revoke(String id, SubscriptionRequests.Decision decision, HubUser caller) {
        StoredSubscription stored = get(id, caller);
        if (caller.role() == HubRole.AUDITOR) {
            throw ForbiddenException.role(caller);
        }
        return decide(stored, Set.of(SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE),
                SubscriptionStatus.REVOKED, reason(decision, true), caller, "SUBSCRIPTION_REVOKED");
    }

    public StoredSubscription get(String id, HubUser caller) {
        StoredSubscription stored = subscriptions.find(id)
                .orElseThrow(() -> new NotFoundException("subscription.not-found", id));
        Subscriber subscriber = subscribers.find(stored.subscription().subscriberId()).orElseThrow();
        if (!canRead(stored.subscription(), subscriber, caller)) {
            throw new ForbiddenException("subscription.other", id);
        }
        return stored;
    }

    /** Lists the subscriptions the caller may see, narrowed by the non-null arguments. */
    public List<StoredSubscription> list(HubUser caller, SubscriptionStatus status, String recordType) {
        if (caller.role() == HubRole.SUBSCRIBER) {
            return subscriptions.list(caller.subscriberId(), null, status, recordType);
        }
        return subscriptions.list(null, caller.seesAllDepartments() ? null : caller.departmentCode(), status,
                recordType);
    }

    private StoredSubscription decide(StoredSubscription stored, Set<SubscriptionStatus> from,
                                      SubscriptionStatus to, String reason, HubUser caller, String action) {
        Subscription before = stored.subscription();
        if (!from.contains(before.status())) {
            throw new ConflictException("subscription.status.conflict", before.id(), before.status().name(),
                    from.toString());
        }
        Subscriber subscriber = subscribers.find(before.subscriberId()).orElseThrow();
        SubscriptionDecision decision = new SubscriptionDecision(caller.name(), Instant.now(), reason);

        StoredSubscription after = transactions.execute(tx -> {
            if (!subscriptions.decide(before.id(), before.status(), to, decision)) {
                throw new ConflictException("subscription.status.changed", before.id());
            }
            StoredSubscription changed = subscriptions.find(before.id()).orElseThrow();
            audit.record(action, TARGET_TYPE, before.id(), auditDepartment(before, subscriber), before,
                    Map.of("subscription", changed.subscription(), "decision", decision));
            return changed;
        });
        events.publishEvent(new SubscriptionChanged(after.subscription()));
        return after;
    }

    private Subscriber requestingSubscriber(String subscriberId, HubUser caller) {
        if (caller.role() == HubRole.SUBSCRIBER) {
            if (subscriberId != null && !subscriberId.equals(caller.subscriberId())) {
                throw new ForbiddenException("subscriber.other", subscriberId);
            }
            return subscribers.find(caller.subscriberId()).orElseThrow();
        }
        if (caller.role() != HubRole.ADMIN && caller.role() != HubRole.DEPARTMENT_ADMIN) {
            throw ForbiddenException.role(caller);
        }
        if (subscriberId == null || subscriberId.isBlank()) {
            throw new InvalidRequestException("subscription.subscriber.required");
        }
        Subscriber subscriber = subscribers.find(subscriberId)
                .orElseThrow(() -> new InvalidRequestException("subscription.subscriber.unknown", subscriberId));
        if (caller.role() == HubRole.DEPARTMENT_ADMIN && !caller.administers(subscriber.departmentCode())) {
            throw ForbiddenException.otherDepartment(caller, subscriber.departmentCode());
        }
        return subscriber;
    }

    private static void requireDecider(Subscription subscription, HubUser caller) {
        boolean allowed = caller.role() == HubRole.ADMIN || caller.role() == HubRole.OPERATOR
                || subscription.providerDepartment() != null && caller.administers(subscription.providerDepartment());
        if (!allowed) {
            throw new ForbiddenException("subscription.decider", subscription.id(),
                    String.valueOf(subscription.providerDepartment()));
        }
    }

    private static boolean canRead(Subscription subscription, Subscriber subscriber, HubUser caller) {
        if (caller.role() == HubRole.SUBSCRIBER) {
            return subscription.subscriberId().equals(caller.subscriberId());
        }
        return caller.canRead(subscriber.departmentCode())
                || subscription.providerDepartment() != null && caller.canRead(subscription.providerDepartment());
    }

    private static SubscriptionFilter filter(SubscriptionRequests.Filter filter) {
        if (filter == null) {
            return SubscriptionFilter.NONE;
        }
        return new SubscriptionFilter(filter.divisions(), filter.departments(), filter.fields());
    }

    /**
     * Rejects a filter on a field the subscription is not granted: its results would disclose
     * values of a field the subscriber may not read.
     */
    private static void requireFilterOnGrantedFields(SubscriptionFilter filter, List<String> grantedFields) {
        List<String> notGranted = filter.fields().keySet().stream()
                .filter(name -> !grantedFields.contains(name)).sorted().toList();
        if (!notGranted.isEmpty()) {
            throw new InvalidRequestException("subscription.filter.field-not-granted", String.join(", ", notGranted));
        }
    }

    private static String reason(SubscriptionRequests.Decision decision, boolean required) {
        String reason = decision == null || decision.reason() == null ? null : decision.reason().strip();
        if (required && (reason == null || reason.isEmpty())) {
            throw new InvalidRequestException("subscription.reason.required");
        }
        return reason == null || reason.isEmpty() ? null : reason;
    }

    /** Files the event under the providing department when there is one, else the subscriber's. */
    private static String auditDepartment(Subscription subscription, Subscriber subscriber) {
        return subscription.providerDepartment() != null ? subscription.providerDepartment()
                : subscriber.departmentCode();
    }
}
