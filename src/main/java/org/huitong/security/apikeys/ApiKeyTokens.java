package org.huitong.security.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Generates API keys and computes the hash stored for them.
 *
 * <p>A key is {@code hk_} and 32 random bytes from {@link SecureRandom} in unpadded base64url,
 * 46 characters in all. The hash is plain SHA-256: a password hash such as bcrypt protects
 * low-entropy secrets against guessing, but a 256-bit random key cannot be guessed, and a fast
 * hash lets every request be checked by one indexed lookup.
 */
final class ApiKeyTokens {

    static final String PREFIX = "hk_";

    /** Characters of a key shown for identification: {@code hk_} and 9 random characters. */
    static final int DISPLAY_PREFIX_LENGTH = 12;

    private static final int RANDOM_BYTES = 32;

    /** Well-formed keys; anything else is rejected before it is hashed or looked up. */
    private static final Pattern FORMAT = Pattern.compile("hk_[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyTokens() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    /** Returns the first characters of a key, safe to log and audit; at most 12 characters of any header value. */
    static String displayPrefix(String key) {
        String prefix = key.length() > DISPLAY_PREFIX_LENGTH ? key.substring(0, DISPLAY_PREFIX_LENGTH) : key;
        return prefix.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    /** Returns the lower-case hex SHA-256 of the whole key. */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
