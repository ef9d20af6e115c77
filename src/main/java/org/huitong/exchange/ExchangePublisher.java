package org.huitong.exchange;

import java.util.List;

/** Publishes record versions to the central exchange. */
public interface ExchangePublisher {

    /**
     * Publishes all records in one broker transaction: either every message is stored by the
     * broker or none is. Each message carries the CloudEvents {@code id} as Artemis'
     * duplicate-detection id, so publishing the same versions again is harmless.
     *
     * @throws PublishException if the broker did not confirm the transaction
     */
    default void publish(List<OutboundRecord> records) throws PublishException {
        publish(records, () -> { });
    }

    /**
     * Publishes like {@link #publish(List)}, and runs {@code beforeCommit} after the messages
     * were sent and before the broker transaction commits, also when {@code records} is empty.
     * The broker stores the sent messages meanwhile, so database work in {@code beforeCommit}
     * overlaps with it. If {@code beforeCommit} throws, nothing is published and its exception
     * propagates unchanged.
     *
     * @throws PublishException if the broker did not confirm the transaction
     */
    void publish(List<OutboundRecord> records, Runnable beforeCommit) throws PublishException;
}
