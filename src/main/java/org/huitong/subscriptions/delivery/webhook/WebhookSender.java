package org.huitong.subscriptions.delivery.webhook;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.huitong.i18n.Messages;
import org.huitong.security.VettedDnsResolver;
import org.huitong.subscriptions.Webhook;

/**
 * Sends one signed POST to a webhook with Apache HttpClient, after checking its URL against the
 * host policy. The client resolves the host through the same policy when it connects
 * ({@link VettedDnsResolver}), so it only ever connects to an address the policy checked. The
 * response body is not read, so a subscriber cannot make the hub buffer a large response.
 */
class WebhookSender implements AutoCloseable {

    /** How often the watchdog checks the deadline and whether the dispatcher was stopped. */
    private static final long WATCH_INTERVAL_MILLIS = 50;

    private final WebhookProperties properties;
    private final WebhookHostPolicy hostPolicy;
    private final Messages messages;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** @param sslContext the trust material for HTTPS, or null for the JDK's default */
    WebhookSender(WebhookProperties properties, WebhookHostPolicy hostPolicy, SSLContext sslContext,
                  Messages messages, Clock clock) {
        this.properties = properties;
        this.hostPolicy = hostPolicy;
        this.messages = messages;
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new VettedDnsResolver(hostPolicy::resolveChecked))
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(sslContext != null ? sslContext : SSLContexts.createSystemDefault())
                                .buildClassic())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /**
     * Posts the batch and returns how it went. A 2xx status means the subscriber accepted every
     * record of the batch. A redirect counts as a failure, because following it would call a
     * host the policy did not check. The whole attempt, from connecting until the response
     * status arrives, is limited to the connect timeout plus the read timeout.
     *
     * @throws InterruptedException when the dispatcher is stopped during the request
     */
    SendOutcome send(String subscriptionId, Webhook webhook, String secret, WebhookBatch batch)
            throws InterruptedException {
        URI uri;
        try {
            uri = hostPolicy.check(webhook.url());
        } catch (WebhookUrlException e) {
            return rejected(e);
        }

        HttpPost request = request(uri, subscriptionId, webhook, secret, batch);
        Watch watch = new Watch(request, Thread.currentThread(),
                System.nanoTime() + properties.connectTimeout().plus(properties.readTimeout()).toNanos());
        ScheduledFuture<?> watching = watchdog.scheduleWithFixedDelay(watch, WATCH_INTERVAL_MILLIS,
                WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            // The response is closed without reading its body; the client then drops the connection.
            int status = client.execute(request, response -> response.getCode());
            if (status >= 200 && status < 300) {
                return SendOutcome.delivered(status);
            }
            return SendOutcome.failed(status, "HTTP status " + status);
        } catch (VettedDnsResolver.RejectedHostException e) {
            return rejected((WebhookUrlException) e.getCause());
        } catch (IOException e) {
            return failure(e, watch);
        } finally {
            watching.cancel(false);
        }
    }

    private HttpPost request(URI uri, String subscriptionId, Webhook webhook, String secret, WebhookBatch batch) {
        byte[] body = batch.body(webhook.batchSize()).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpPost request = new HttpPost(uri);
        request.setEntity(new ByteArrayEntity(body,
                ContentType.create(batch.contentType(webhook.batchSize()), StandardCharsets.UTF_8)));
        request.setHeader(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.sign(secret, timestamp, body));
        request.setHeader(WebhookSignatures.TIMESTAMP_HEADER, Long.toString(timestamp));
        request.setHeader(WebhookSignatures.SUBSCRIPTION_HEADER, subscriptionId);
        request.setHeader(WebhookSignatures.DELIVERY_HEADER, batch.deliveryId());
        return request;
    }

    private SendOutcome rejected(WebhookUrlException e) {
        return SendOutcome.failed(0, messages.text(e.messageKey(), e.args()).en());
    }

    private SendOutcome failure(IOException e, Watch watch) throws InterruptedException {
        if (watch.interrupted || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("webhook dispatcher stopped during the request");
        }
        if (e instanceof ConnectTimeoutException) {
            return SendOutcome.failed(0, "connect timed out after " + properties.connectTimeout().toMillis() + " ms");
        }
        if (watch.expired || e instanceof SocketTimeoutException) {
            return SendOutcome.failed(0, "response timed out after " + properties.readTimeout().toMillis() + " ms");
        }
        return SendOutcome.failed(0, "connection failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    @Override
    public void close() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }

    /** Cancels the request when its deadline passes or its thread is interrupted. */
    private static final class Watch implements Runnable {

        private final HttpPost request;
        private final Thread caller;
        private final long deadlineNanos;
        private volatile boolean expired;
        private volatile boolean interrupted;

        Watch(HttpPost request, Thread caller, long deadlineNanos) {
            this.request = request;
            this.caller = caller;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            if (caller.isInterrupted()) {
                interrupted = true;
                request.cancel();
            } else if (System.nanoTime() > deadlineNanos) {
                expired = true;
                request.cancel();
            }
        }
    }
}
