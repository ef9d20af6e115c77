package org.huitong.exchange.security;

import org.huitong.exchange.management.BrokerManagement;
import org.huitong.exchange.management.BrokerManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes subscriber users and feed permissions into an external Artemis broker through its
 * management address.
 *
 * <p>Users are added with the broker's {@code addUser} operation, which Artemis supports only
 * with its basic security manager ({@code ActiveMQBasicSecurityManager}); the broker stores them
 * hashed in its journal. Each subscriber's user has the one role
 * {@code huitong-subscriber-<subscriberId>}. Each feed queue gets security settings of its own
 * that give that role consume and browse, and the hub's role every permission. Because Artemis
 * applies the most specific match, these settings replace the broker's {@code #} settings for
 * the queue, so no other user can use it.
 *
 * <p>A new password takes effect at once: the broker's login cache is cleared and the
 * subscriber's open connections are closed.
 *
 * <p>When the operator keeps the broker's users instead (for example in LDAP), the hub writes
 * only the security settings, and the operator gives each subscriber's user its role.
 */
public class ManagedBrokerAccounts implements BrokerAccounts {

    /** Prefix of the broker role of each subscriber. */
    public static final String ROLE_PREFIX = "huitong-subscriber-";

    private static final Logger log = LoggerFactory.getLogger(ManagedBrokerAccounts.class);

    private final BrokerManagement management;
    private final String hubRole;
    private final boolean managesUsers;

    /**
     * @param hubRole the broker role of the hub's own user, which keeps every right on feed queues
     * @param managesUsers false when the operator keeps the broker's users
     */
    public ManagedBrokerAccounts(BrokerManagement management, String hubRole, boolean managesUsers) {
        this.management = management;
        this.hubRole = hubRole;
        this.managesUsers = managesUsers;
    }

    public static String role(String subscriberId) {
        return ROLE_PREFIX + subscriberId;
    }

    @Override
    public void setPassword(String subscriberId, String password) {
        if (!managesUsers) {
            return;
        }
        try {
            // false: the broker stores a hash of the password, not the password.
            management.invoke(BrokerManagement.BROKER, "resetUser", subscriberId, password, role(subscriberId), false);
        } catch (BrokerManagementException notThere) {
            management.invoke(BrokerManagement.BROKER, "addUser", subscriberId, password, role(subscriberId), false);
        }
        // The broker remembers successful logins by user name and password, and would accept the
        // old password until its cache expires. Connections opened with it are closed as well.
        management.invoke(BrokerManagement.BROKER, "clearAuthenticationCache");
        management.invoke(BrokerManagement.BROKER, "closeConnectionsForUser", subscriberId);
        log.info("Set the broker password of subscriber {} and closed its broker connections", subscriberId);
    }

    @Override
    public void grantFeed(String subscriberId, String queue) {
        String readers = hubRole + "," + role(subscriberId);
        // Order: send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
        // deleteNonDurableQueue, manage, browse, createAddress, deleteAddress.
        management.invoke(BrokerManagement.BROKER, "addSecuritySettings", queue, hubRole, readers, hubRole, hubRole,
                hubRole, hubRole, hubRole, readers, hubRole, hubRole);
    }

    @Override
    public void removeFeedGrant(String queue) {
        management.invoke(BrokerManagement.BROKER, "removeSecuritySettings", queue);
    }

    @Override
    public boolean issuesPasswords() {
        return managesUsers;
    }

    @Override
    public boolean hasUser(String subscriberId) {
        if (!managesUsers) {
            // The broker's own login modules keep the users, which management cannot list.
            return true;
        }
        try {
            management.invoke(BrokerManagement.BROKER, "listUser", subscriberId);
            return true;
        } catch (BrokerManagementException e) {
            return false;
        }
    }
}
