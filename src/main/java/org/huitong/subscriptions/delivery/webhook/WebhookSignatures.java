package org.huitong.subscriptions.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets and signatures. A secret is 32 random bytes, base64url-encoded without
 * padding. The signature of a request is the lower-case hex HMAC-SHA256 of
 * {@code <timestamp>.<body>}, keyed with the UTF-8 bytes of the secret text as the subscriber
 * received it, and sent as {@code X-Huitong-Signature: sha256=<hex>}.
 */
public final class WebhookSignatures {

    public static final String SIGNATURE_HEADER = "X-Huitong-Signature";
    public static final String TIMESTAMP_HEADER = "X-Huitong-Timestamp";
    public static final String SUBSCRIPTION_HEADER = "X-Huitong-Subscription";
    public static final String DELIVERY_HEADER = "X-Huitong-Delivery";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** Generates a new signing secret. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the value of the signature header, {@code sha256=<hex>}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
