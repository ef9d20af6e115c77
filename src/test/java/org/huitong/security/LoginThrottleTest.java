package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));

    private final LoginThrottle throttle = new LoginThrottle(
            new HubSecurityProperties.Login(3, Duration.ofMinutes(15), Duration.ofMinutes(10)), clock);

    @Test
    void locksAfterMaxFailures() {
        throttle.failed("zhang");
        throttle.failed("zhang");
        assertThat(throttle.lockedUntil("zhang")).isEmpty();

        throttle.failed("zhang");

        assertThat(throttle.lockedUntil("zhang")).contains(Instant.parse("2025-03-01T08:10:00Z"));
    }

    @Test
    void lockOutEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("zhang");
        }

        clock.advance(Duration.ofMinutes(10));

        assertThat(throttle.lockedUntil("zhang")).isEmpty();
    }

    @Test
    void oldFailuresLeaveWindow() {
        throttle.failed("zhang");
        throttle.failed("zhang");
        clock.advance(Duration.ofMinutes(16));

        throttle.failed("zhang");

        assertThat(throttle.lockedUntil("zhang")).isEmpty();
    }

    @Test
    void successForgetsFailures() {
        throttle.failed("zhang");
        throttle.failed("zhang");
        throttle.succeeded("zhang");

        throttle.failed("zhang");

        assertThat(throttle.lockedUntil("zhang")).isEmpty();
    }

    @Test
    void namesAreCaseInsensitive() {
        throttle.failed("Zhang");
        throttle.failed("ZHANG ");
        throttle.failed("zhang");

        assertThat(throttle.lockedUntil("zhang")).isPresent();
        assertThat(throttle.lockedUntil("li")).isEmpty();
    }

    @Test
    void zeroMaxFailuresIsRejected() {
        assertThatThrownBy(() -> new LoginThrottle(
                new HubSecurityProperties.Login(0, Duration.ofMinutes(1), Duration.ofMinutes(1)), clock))
                .hasMessageContaining("max-failures");
    }

    @Test
    void manyNamesAreEvictedOnceExpired() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED_NAMES; i++) {
            throttle.failed("spray-" + i);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 3; i++) {
            throttle.failed("target");
        }

        assertThat(throttle.lockedUntil("target")).isPresent();
        assertThat(throttle.lockedUntil("spray-1")).isEmpty();
    }

    /** A clock that tests move forward. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
