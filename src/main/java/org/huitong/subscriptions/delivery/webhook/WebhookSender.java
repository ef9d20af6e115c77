package org.huitong.subscriptions.delivery.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.net.ssl.SSLContext;

import org.huitong.i18n.Messages;
import org.huitong.subscriptions.Webhook;

/**
 * Sends one signed POST to a webhook with the JDK HTTP client, after checking its URL against
 * the host policy with a fresh DNS lookup. The response body is discarded, so a subscriber
 * cannot make the hub buffer a large response.
 */
class WebhookSender {

    private final WebhookProperties properties;
    private final WebhookHostPolicy hostPolicy;
    private final Messages messages;
    private final Clock clock;
    private final HttpClient client;

    /** @param sslContext the trust material for HTTPS, or null for the JDK's default */
    WebhookSender(WebhookProperties properties, WebhookHostPolicy hostPolicy, SSLContext sslContext,
                  Messages messages, Clock clock) {
        this.properties = properties;
        this.hostPolicy = hostPolicy;
        this.messages = messages;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /**
     * Posts the batch and returns how it went. A 2xx status means the subscriber accepted every
     * record of the batch. A redirect counts as a failure, because following it would call a
     * host the policy did not check.
     *
     * @throws InterruptedException when the dispatcher is stopped during the request
     */
    SendOutcome send(String subscriptionId, Webhook webhook, String secret, WebhookBatch batch)
            throws InterruptedException {
        URI uri;
        try {
            uri = hostPolicy.check(webhook.url());
        } catch (WebhookUrlException e) {
            return SendOutcome.failed(0, messages.text(e.messageKey(), e.args()).en());
        }

        byte[] body = batch.body(webhook.batchSize()).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Content-Type", batch.contentType(webhook.batchSize()) + "; charset=utf-8")
                .header(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.sign(secret, timestamp, body))
                .header(WebhookSignatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignatures.SUBSCRIPTION_HEADER, subscriptionId)
                .header(WebhookSignatures.DELIVERY_HEADER, batch.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendOutcome.delivered(status);
            }
            return SendOutcome.failed(status, "HTTP status " + status);
        } catch (HttpConnectTimeoutException e) {
            return SendOutcome.failed(0, "connect timed out after " + properties.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed(0, "response timed out after " + properties.readTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return SendOutcome.failed(0, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
