package org.huitong.exchange.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful subscriber logins for a short time, because the directory's password
 * check (bcrypt) would otherwise run for every broker session and every authorization that
 * Artemis has not cached. Failed logins are not remembered. The password is kept only as a
 * SHA-256 hash in the key.
 */
final class SubscriberLoginCache {

    /** Upper bound of remembered logins; the cache is emptied when it is reached. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String subscriberId, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    SubscriberLoginCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<String> subscriberId(String username, String password) {
        String key = key(username, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.subscriberId());
    }

    void remember(String username, String password, String subscriberId) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(username, password), new Entry(subscriberId, System.nanoTime() + ttlNanos));
    }

    private static String key(String username, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return username + "\n" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform supports SHA-256", e);
        }
    }
}
