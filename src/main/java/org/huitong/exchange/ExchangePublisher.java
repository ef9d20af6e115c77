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
    void publish(List<OutboundRecord> records) throws PublishException;
}
