package org.huitong.subscriptions.view;

import org.huitong.subscriptions.Subscription;

/** Builds the {@link RecordView} of a subscription from the schema of its record type. */
public interface RecordViews {

    RecordView forSubscription(Subscription subscription);
}
