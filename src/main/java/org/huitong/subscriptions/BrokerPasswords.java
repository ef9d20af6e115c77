package org.huitong.subscriptions;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates subscribers' broker passwords: 32 random bytes in URL-safe Base64. */
public final class BrokerPasswords {

    /** Maximum length of a password that is checked. A longer one is rejected before it is hashed. */
    public static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerPasswords() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
