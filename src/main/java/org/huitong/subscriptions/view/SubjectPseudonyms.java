package org.huitong.subscriptions.view;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a CloudEvent {@code subject} (the record's business key) with a keyed pseudonym for
 * subscriptions that may not read every key field in clear. The pseudonym is stable per
 * subscription and business key, so a subscriber can still match versions of one record, but it
 * differs between subscriptions, so two subscribers cannot join their records on it.
 */
final class SubjectPseudonyms {

    /** Prefix that distinguishes a pseudonym from a business key. */
    static final String PREFIX = "pseudonym:";

    private static final String ALGORITHM = "HmacSHA256";

    /** Characters of URL-safe Base64 kept: the first 132 bits of the HMAC. */
    private static final int KEPT_CHARACTERS = 22;

    private final SecretKeySpec key;

    /** @param keyMaterial secret bytes; only their HMAC-SHA256 under a fixed label is used as the key */
    SubjectPseudonyms(byte[] keyMaterial) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(keyMaterial, ALGORITHM),
                "huitong subject pseudonym v1"), ALGORITHM);
    }

    String pseudonym(String subscriptionId, String subject) {
        byte[] digest = hmac(key, subscriptionId + "\n" + subject);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
                .substring(0, KEPT_CHARACTERS);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
