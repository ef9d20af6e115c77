package org.huitong.exchange;

import java.util.List;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;

/**
 * Declares one MULTICAST address per known record type when the embedded broker starts, so
 * every address exists before the hub publishes and subscribers can attach at any time.
 *
 * <p>A message sent to a multicast address is copied into each subscription queue bound to the
 * address at that moment. When no subscription queue exists, Artemis routes the message nowhere
 * and does not store it. A subscriber must therefore create a durable subscription before the
 * messages it needs are published. Declaring the address alone keeps no message.
 */
public class ExchangeAddressDeclarations implements ArtemisConfigurationCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ExchangeAddressDeclarations.class);

    private final List<ExchangeAddress> addresses;

    public ExchangeAddressDeclarations(List<String> recordTypes) {
        this.addresses = recordTypes.stream().map(ExchangeAddress::new).toList();
    }

    @Override
    public void customize(Configuration configuration) {
        for (ExchangeAddress address : addresses) {
            configuration.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(address.name())
                    .addRoutingType(RoutingType.MULTICAST));
        }

        log.info("Embedded broker declares {} exchange addresses: {}", addresses.size(), addresses);
    }
}
