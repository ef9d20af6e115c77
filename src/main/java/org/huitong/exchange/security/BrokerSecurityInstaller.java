package org.huitong.exchange.security;

import org.apache.activemq.artemis.core.remoting.server.RemotingService;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.huitong.exchange.EmbeddedBrokerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Spring Boot's embedded broker the hub's security manager before it starts, then
 * registers the MQTT subscribe guard and starts the network acceptor. Spring Boot offers no
 * other way to set a security manager on its {@link EmbeddedActiveMQ}.
 */
public class BrokerSecurityInstaller implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(BrokerSecurityInstaller.class);

    private final ObjectProvider<HubBrokerSecurityManager> securityManager;
    private final ObjectProvider<FeedAccess> feedAccess;

    public BrokerSecurityInstaller(ObjectProvider<HubBrokerSecurityManager> securityManager,
                                   ObjectProvider<FeedAccess> feedAccess) {
        this.securityManager = securityManager;
        this.feedAccess = feedAccess;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof EmbeddedActiveMQ broker) {
            broker.setSecurityManager(securityManager.getObject());
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof EmbeddedActiveMQ broker) {
            openNetworkAcceptor(broker.getActiveMQServer());
        }
        return bean;
    }

    private void openNetworkAcceptor(ActiveMQServer server) {
        RemotingService remoting = server.getRemotingService();
        remoting.addIncomingInterceptor(new MqttSubscribeGuard(feedAccess.getObject(), server));

        Acceptor acceptor = remoting.getAcceptor(EmbeddedBrokerCustomizer.ACCEPTOR_NAME);
        if (acceptor == null) {
            return;
        }
        try {
            acceptor.start();
        } catch (Exception e) {
            throw new IllegalStateException("Failed to start the broker's network acceptor "
                    + EmbeddedBrokerCustomizer.ACCEPTOR_NAME + ": check that huitong.exchange.broker.host and port"
                    + " name a free local address", e);
        }
        log.info("Embedded broker accepts network clients with the hub's security manager");
    }
}
