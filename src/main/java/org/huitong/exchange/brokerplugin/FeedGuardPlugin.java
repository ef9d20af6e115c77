package org.huitong.exchange.brokerplugin;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker plugin for an external Artemis broker that serves the hub's feeds over MQTT. It
 * registers a {@link FeedTopicGuard} that decides with the broker's own security settings: a
 * connection whose roles include the hub's role may subscribe to anything; any other may
 * subscribe only to {@code feeds/<id>} when one of its roles may consume {@code feeds.<id>}.
 *
 * <p>Add it to {@code broker.xml}, with the jar {@code huitong-<version>-broker-plugin.jar} that
 * {@code ./mvnw package} builds in the broker's {@code lib} folder:
 *
 * <pre>{@code
 * <broker-plugins>
 *   <broker-plugin class-name="org.huitong.exchange.brokerplugin.FeedGuardPlugin">
 *     <property key="hubRole" value="huitong-hub"/>
 *   </broker-plugin>
 * </broker-plugins>
 * }</pre>
 */
public class FeedGuardPlugin implements ActiveMQServerPlugin {

    /** Name of the plugin property with the hub's broker role. */
    public static final String HUB_ROLE = "hubRole";

    private static final Logger log = LoggerFactory.getLogger(FeedGuardPlugin.class);

    private String hubRole = "huitong-hub";
    private RoleGuard guard;

    @Override
    public void init(Map<String, String> properties) {
        hubRole = properties.getOrDefault(HUB_ROLE, hubRole);
    }

    @Override
    public void registered(ActiveMQServer server) {
        guard = new RoleGuard(server, hubRole);
        server.getRemotingService().addIncomingInterceptor(guard);
        log.info("Huitong feed guard checks MQTT subscriptions; hub role {}", hubRole);
    }

    @Override
    public void unregistered(ActiveMQServer server) {
        if (guard != null) {
            server.getRemotingService().removeIncomingInterceptor(guard);
        }
    }

    /** Decides with the roles of the subject and the broker's security settings of the address. */
    static final class RoleGuard extends FeedTopicGuard {

        private final ActiveMQServer server;
        private final String hubRole;

        RoleGuard(ActiveMQServer server, String hubRole) {
            super(server);
            this.server = server;
            this.hubRole = hubRole;
        }

        @Override
        protected boolean isHub(Subject subject) {
            return roles(subject).contains(hubRole);
        }

        @Override
        protected boolean mayRead(Subject subject, String feedAddress) {
            Set<String> roles = roles(subject);
            Set<Role> settings = server.getSecurityRepository().getMatch(feedAddress);
            return settings != null && settings.stream().anyMatch(role -> role.isConsume() && roles.contains(role.getName()));
        }

        @Override
        protected String describe(Subject subject) {
            return subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName)
                    .map(FeedTopicGuard::printable).findFirst().orElse("an unnamed user");
        }

        private static Set<String> roles(Subject subject) {
            return subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                    .collect(Collectors.toSet());
        }
    }
}
