package org.huitong.batches;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Marks batches that were RUNNING when the hub last stopped as INTERRUPTED. It runs once after
 * all singletons exist. That is after Flyway has migrated the database and before the context
 * refresh starts the Camel context (a Spring {@code Lifecycle} bean), so no route has started a
 * batch of this run yet.
 */
@Component
public class BatchRecovery implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecovery.class);

    private final BatchRepository batches;

    public BatchRecovery(BatchRepository batches) {
        this.batches = batches;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = batches.markRunningInterrupted();

        if (interrupted > 0) {
            LOG.warn("Batches marked INTERRUPTED because they were RUNNING when the hub last stopped: {}",
                    interrupted);
        } else {
            LOG.info("No interrupted batches found at start-up");
        }
    }
}
