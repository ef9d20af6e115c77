package org.huitong.subscriptions.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huitong.exchange.LoggedEvent;
import org.huitong.exchange.PublishedEventLog;
import org.huitong.security.HubUser;
import org.huitong.subscriptions.Subscription;
import org.huitong.subscriptions.api.SubscriptionService;
import org.huitong.subscriptions.view.RecordView;
import org.huitong.subscriptions.view.RecordViews;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Pages through the published-event log through one subscription's view, for catch-up and
 * replay. The cursor is the log position of the last event examined, so a page whose events the
 * filter all rejected still moves the reader forward.
 */
@Service
public class FeedService {

    /** Events examined for one page at most, so that a narrow filter cannot make one request scan the whole log. */
    static final int MAX_SCANNED = 5_000;

    private static final int READ_BATCH = 500;

    private final SubscriptionService subscriptions;
    private final PublishedEventLog log;
    private final RecordViews views;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration settleTime;

    /**
     * @param settleTime how old an event must be before the feed returns it. Log positions are
     *     assigned when a chunk inserts its events but become visible when its transaction
     *     commits, so a younger position may still be followed by an older one committing later.
     */
    // NOTE: a chunk transaction that takes longer than the settle time between its publish and its
    // commit can still commit events behind a reader's cursor. The queue delivers them regardless.
    @Autowired
    public FeedService(SubscriptionService subscriptions, PublishedEventLog log, RecordViews views,
                       ObjectMapper json, @Value("${huitong.feeds.settle-time:PT10S}") Duration settleTime) {
        this(subscriptions, log, views, json, Clock.systemUTC(), settleTime);
    }

    FeedService(SubscriptionService subscriptions, PublishedEventLog log, RecordViews views, ObjectMapper json,
                Clock clock, Duration settleTime) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.views = views;
        this.json = json;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    /**
     * Reads one page.
     *
     * @param after the cursor of the previous page, or null
     * @param since the first publication time to read when {@code after} is null; null reads from
     *     the oldest kept event
     */
    public FeedPage read(String subscriptionId, String after, Instant since, int limit, HubUser caller) {
        Subscription subscription = subscriptions.get(subscriptionId, caller).subscription();
        if (!subscription.isActive()) {
            throw new ConflictException("feed.not-active", subscriptionId, subscription.status().name());
        }
        long cursor = start(subscription.recordType(), after, since);
        RecordView view = views.forSubscription(subscription);
        Instant horizon = clock.instant().minus(settleTime);

        List<ObjectNode> events = new ArrayList<>();
        int scanned = 0;
        while (events.size() < limit && scanned < MAX_SCANNED) {
            List<LoggedEvent> batch = log.readAfter(subscription.recordType(), cursor, READ_BATCH);
            for (LoggedEvent event : batch) {
                if (event.publishedAt().isAfter(horizon)) {
                    return new FeedPage(events, Long.toString(cursor), true);
                }
                cursor = event.seq();
                scanned++;
                view.apply(parse(event)).ifPresent(events::add);
                if (events.size() == limit || scanned == MAX_SCANNED) {
                    return new FeedPage(events, Long.toString(cursor), true);
                }
            }
            if (batch.size() < READ_BATCH) {
                return new FeedPage(events, Long.toString(cursor), false);
            }
        }
        return new FeedPage(events, Long.toString(cursor), true);
    }

    private long start(String recordType, String after, Instant since) {
        if (after != null) {
            return parseCursor(after);
        }
        if (since != null) {
            return log.firstSeqAtOrAfter(recordType, since) - 1;
        }
        return 0;
    }

    private static long parseCursor(String after) {
        try {
            long cursor = Long.parseLong(after);
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // Reported below together with negative values.
        }
        throw new InvalidRequestException("feed.cursor.invalid", after);
    }

    private ObjectNode parse(LoggedEvent event) {
        try {
            return (ObjectNode) json.readTree(event.event());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Logged event " + event.seq() + " is not a JSON object", e);
        }
    }
}
