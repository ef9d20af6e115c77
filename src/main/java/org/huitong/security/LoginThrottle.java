package org.huitong.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed password logins per user name and locks a name out for a while after too many.
 * Unknown names are counted like existing ones, so the lock-out does not tell which names exist.
 *
 * <p>NOTE: the counts live in this hub's memory. Several hub instances behind one load balancer
 * each allow {@code maxFailures} attempts, and a restart resets the counts.
 */
@Component
public class LoginThrottle {

    /** Maximum user names tracked at once, so that a flood of random names cannot exhaust memory. */
    static final int MAX_TRACKED_NAMES = 10_000;

    private final HubSecurityProperties.Login settings;

    private final Clock clock;

    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(HubSecurityProperties properties) {
        this(properties.login(), Clock.systemUTC());
    }

    LoginThrottle(HubSecurityProperties.Login settings, Clock clock) {
        if (settings.maxFailures() < 1) {
            throw new IllegalArgumentException("huitong.security.login.max-failures must be 1 or more, but was "
                    + settings.maxFailures());
        }
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns when the name may log in again, or empty if it is not locked out now. */
    public Optional<Instant> lockedUntil(String username) {
        Attempts entry = attempts.get(key(username));
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Instant now = clock.instant();
            return entry.lockedUntil != null && entry.lockedUntil.isAfter(now)
                    ? Optional.of(entry.lockedUntil) : Optional.empty();
        }
    }

    /**
     * Records a failed login.
     *
     * @return when the name may log in again if this failure locked it out, or empty
     */
    public Optional<Instant> failed(String username) {
        if (attempts.size() >= MAX_TRACKED_NAMES) {
            evictExpired();
        }
        Attempts entry = attempts.computeIfAbsent(key(username), name -> new Attempts());
        synchronized (entry) {
            Instant now = clock.instant();
            Instant windowStart = now.minus(settings.failureWindow());
            while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(windowStart)) {
                entry.failures.removeFirst();
            }
            entry.failures.addLast(now);
            if (entry.failures.size() >= settings.maxFailures()) {
                entry.failures.clear();
                entry.lockedUntil = now.plus(settings.lockout());
                return Optional.of(entry.lockedUntil);
            }
            return Optional.empty();
        }
    }

    /** Forgets the failures of a name after a successful login. */
    public void succeeded(String username) {
        attempts.remove(key(username));
    }

    public Duration lockout() {
        return settings.lockout();
    }

    private void evictExpired() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.failureWindow());
        for (Iterator<Attempts> it = attempts.values().iterator(); it.hasNext(); ) {
            Attempts entry = it.next();
            synchronized (entry) {
                boolean locked = entry.lockedUntil != null && entry.lockedUntil.isAfter(now);
                Instant last = entry.failures.peekLast();
                if (!locked && (last == null || !last.isAfter(windowStart))) {
                    it.remove();
                }
            }
        }
        // NOTE: if every tracked name is still active the map grows past the limit; it shrinks
        // again once their failures age out of the window.
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 256 ? name.substring(0, 256) : name;
    }

    private static final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;
    }
}
