package org.huitong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;

class BrokerHealthTest {

    @TempDir
    Path dataDirectory;

    EmbeddedExchange exchange;
    HealthIndicator health;

    @BeforeEach
    void startBroker() {
        exchange = EmbeddedExchange.start(dataDirectory, EmbeddedExchange.freePort());
        health = exchange.context.getBean("jmsHealthContributor", HealthIndicator.class);
    }

    @AfterEach
    void stopBroker() {
        exchange.close();
    }

    @Test
    void healthIndicatorIsJms() {
        assertThat(health).isInstanceOf(JmsHealthIndicator.class);
    }

    @Test
    void runningBrokerIsUp() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void stoppedBrokerIsDown() throws Exception {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        exchange.context.getBean(EmbeddedActiveMQ.class).stop();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
    }
}
