package org.huitong.subscriptions.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.huitong.audit.AuditLog;
import org.huitong.exchange.management.BrokerManagementException;
import org.huitong.exchange.security.BrokerAccounts;
import org.huitong.security.ForbiddenException;
import org.huitong.security.HubRole;
import org.huitong.security.HubUser;
import org.huitong.security.apikeys.ApiKeyRepository;
import org.huitong.security.apikeys.ApiKeyService;
import org.huitong.subscriptions.BrokerPasswords;
import org.huitong.subscriptions.Subscriber;
import org.huitong.subscriptions.SubscriberRepository;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.huitong.web.NotFoundException;
import org.huitong.web.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers downstream systems and issues their credentials. Administrators manage every
 * subscriber, a department administrator those of its department; a subscriber reads only itself.
 */
@Service
public class SubscriberService {

    static final String TARGET_TYPE = "subscriber";

    private static final Logger log = LoggerFactory.getLogger(SubscriberService.class);

    private final SubscriberRepository subscribers;
    private final ApiKeyService apiKeys;
    private final ApiKeyRepository apiKeyRows;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final BrokerAccounts brokerAccounts;

    public SubscriberService(SubscriberRepository subscribers, ApiKeyService apiKeys, ApiKeyRepository apiKeyRows,
                             PasswordEncoder passwords, AuditLog audit, BrokerAccounts brokerAccounts) {
        this.subscribers = subscribers;
        this.apiKeys = apiKeys;
        this.apiKeyRows = apiKeyRows;
        this.passwords = passwords;
        this.audit = audit;
        this.brokerAccounts = brokerAccounts;
    }

    /** A registered subscriber with its credentials, which only this response shows. */
    public record Registered(Subscriber subscriber, SubscriptionRequests.Credentials credentials) {
    }

    @Transactional
    public Registered register(SubscriptionRequests.RegisterSubscriber request, HubUser caller) {
        String department = blankToNull(request.departmentCode());
        if (caller.role() == HubRole.DEPARTMENT_ADMIN) {
            department = department == null ? caller.departmentCode() : department;
            if (!caller.administers(department)) {
                throw ForbiddenException.otherDepartment(caller, department);
            }
        } else if (caller.role() != HubRole.ADMIN) {
            throw ForbiddenException.role(caller);
        }
        if (department == null) {
            throw new InvalidRequestException("subscriber.department.required");
        }
        if (subscribers.find(request.id()).isPresent()) {
            throw new ConflictException("subscriber.exists", request.id());
        }

        Subscriber subscriber = new Subscriber(request.id(), request.name().strip(), department,
                request.contact().strip(), blankToNull(request.description()), true, Instant.now(), caller.name());
        String password = BrokerPasswords.generate();
        subscribers.insert(subscriber, passwords.encode(password));
        String apiKey = apiKeys.issueForSubscriber(subscriber.id(), caller.name());
        audit.record("SUBSCRIBER_REGISTERED", TARGET_TYPE, subscriber.id(), department, null, subscriber);
        setBrokerPassword(subscriber.id(), password);
        return new Registered(subscriber, credentials(subscriber.id(), password, apiKey));
    }

    /**
     * Replaces a subscriber's broker password and API key. The old key stops working at once;
     * the old password fails on the subscriber's next broker login.
     */
    @Transactional
    public Registered rotateCredentials(String id, HubUser caller) {
        Subscriber subscriber = manageable(id, caller);
        String password = BrokerPasswords.generate();
        subscribers.updateBrokerPassword(id, passwords.encode(password));
        int revoked = apiKeyRows.revokeForSubscriber(id);
        String apiKey = apiKeys.issueForSubscriber(id, caller.name());
        audit.record("SUBSCRIBER_CREDENTIALS_ROTATED", TARGET_TYPE, id, subscriber.departmentCode(),
                Map.of("revokedApiKeys", revoked), subscriber);
        setBrokerPassword(id, password);
        return new Registered(subscriber, credentials(id, password, apiKey));
    }

    /** Leaves the broker password out when the operator, not the hub, keeps the broker's users. */
    private SubscriptionRequests.Credentials credentials(String subscriberId, String brokerPassword, String apiKey) {
        return new SubscriptionRequests.Credentials(subscriberId,
                brokerAccounts.issuesPasswords() ? brokerPassword : null, apiKey);
    }

    /**
     * Gives the broker the new password last, so that when the broker refuses, the transaction
     * rolls back and the caller can simply try again.
     */
    private void setBrokerPassword(String subscriberId, String password) {
        try {
            brokerAccounts.setPassword(subscriberId, password);
        } catch (BrokerManagementException e) {
            log.error("Could not set the broker password of subscriber {}: {}", subscriberId, e.getMessage());
            throw new ServiceUnavailableException("subscriber.broker-unavailable", subscriberId);
        }
    }

    public List<Subscriber> list(HubUser caller) {
        if (caller.role() == HubRole.SUBSCRIBER) {
            return subscribers.find(caller.subscriberId()).stream().toList();
        }
        return subscribers.list(caller.seesAllDepartments() ? null : caller.departmentCode());
    }

    public Subscriber get(String id, HubUser caller) {
        Subscriber subscriber = subscribers.find(id)
                .orElseThrow(() -> new NotFoundException("subscriber.not-found", id));
        if (!canRead(subscriber, caller)) {
            throw caller.role() == HubRole.SUBSCRIBER ? new ForbiddenException("subscriber.other", id)
                    : ForbiddenException.otherDepartment(caller, subscriber.departmentCode());
        }
        return subscriber;
    }

    static boolean canRead(Subscriber subscriber, HubUser caller) {
        if (caller.role() == HubRole.SUBSCRIBER) {
            return subscriber.id().equals(caller.subscriberId());
        }
        return caller.canRead(subscriber.departmentCode());
    }

    private Subscriber manageable(String id, HubUser caller) {
        Subscriber subscriber = get(id, caller);
        if (caller.role() != HubRole.ADMIN && !caller.administers(subscriber.departmentCode())) {
            throw ForbiddenException.role(caller);
        }
        return subscriber;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
