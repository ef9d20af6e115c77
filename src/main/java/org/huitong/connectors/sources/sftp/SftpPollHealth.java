package org.huitong.connectors.sources.sftp;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.huitong.connectors.lifecycle.PollHealth;
import org.springframework.stereotype.Component;

/**
 * Poll strategy of {@code sftp-poll} routes: records each poll in {@link PollHealth}, like every
 * polled source, but first replaces Camel's generic "Cannot connect to sftp://..." with the
 * reason found in the cause chain (host key rejected, login failed, server unreachable), so the
 * connector's DEGRADED reason says what to fix.
 */
@Component("sftpPollHealth")
public class SftpPollHealth implements PollingConsumerPollStrategy {

    private final PollHealth health;

    public SftpPollHealth(PollHealth health) {
        this.health = health;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return health.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        health.commit(consumer, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        return health.rollback(consumer, endpoint, retryCounter, SftpFailures.explain(cause));
    }
}
