package org.huitong.connectors.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Host parsing and blocking of JDBC URLs, and the SQL of each kind of poll. */
class JdbcUrlsTest {

    @Test
    void hostsOfUrls() {
        assertThat(JdbcUrls.hosts("jdbc:postgresql://10.1.2.3:5432/db")).containsExactly("10.1.2.3");
        assertThat(JdbcUrls.hosts("jdbc:postgresql://a.example:5432,B.example:5433/db?ssl=true"))
                .containsExactly("a.example", "b.example");
        assertThat(JdbcUrls.hosts("jdbc:mariadb://[fe80::1]:3306/db")).containsExactly("fe80::1");
        assertThat(JdbcUrls.hosts("jdbc:mysql://user@127.0.0.1/db")).containsExactly("127.0.0.1");
        assertThat(JdbcUrls.hosts("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void blockedHostsFound() {
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:postgresql://169.254.169.254/db")).isEqualTo("169.254.169.254");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:postgresql://10.0.0.1,169.254.1.1/db")).isEqualTo("169.254.1.1");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:postgresql://100.100.100.200/db")).isEqualTo("100.100.100.200");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:postgresql://metadata.google.internal/db"))
                .isEqualTo("metadata.google.internal");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:mariadb://[fe80::1]/db")).isEqualTo("fe80::1");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:mariadb://[fd00:ec2::254]/db")).isEqualTo("fd00:ec2::254");
        assertThat(JdbcUrls.blockedLiteralHost("jdbc:postgresql://10.20.1.15:5432/db")).isNull();
    }

    @Test
    void passwordInUrlFound() {
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://h/db?user=a&password=b")).isTrue();
        assertThat(JdbcUrls.containsPassword("jdbc:mariadb://h/db?PASSWORD=b")).isTrue();
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://h/db?passwordless=1")).isFalse();
    }

    @Test
    void embeddedAndUnsafeUrlsFound() {
        assertThat(JdbcUrls.embedded("jdbc:h2:file:./data/hub")).isTrue();
        assertThat(JdbcUrls.embedded("JDBC:SQLITE:/tmp/x.db")).isTrue();
        assertThat(JdbcUrls.embedded("jdbc:postgresql://h/db")).isFalse();
        assertThat(JdbcUrls.unsafeParameter("jdbc:postgresql://h/db?socketFactory=x.Y&socketFactoryArg=z"))
                .isEqualTo("socketFactory");
        assertThat(JdbcUrls.unsafeParameter("jdbc:postgresql://h/db?ssl=true&sslfactory=x.Y")).isEqualTo("sslfactory");
        assertThat(JdbcUrls.unsafeParameter("jdbc:mariadb://h/db?allowLocalInfile=true")).isEqualTo("allowLocalInfile");
        assertThat(JdbcUrls.unsafeParameter("jdbc:postgresql://h/db?loggerFile=/tmp/x")).isEqualTo("loggerFile");
        assertThat(JdbcUrls.unsafeParameter("jdbc:postgresql://h/db?ssl=true&sslmode=verify-full")).isNull();
    }

    @Test
    void pollQueries() {
        JdbcPollSettings overlap = settings("PT5M");
        JdbcPollSettings strict = settings("PT0S");
        LocalDateTime time = LocalDateTime.parse("2026-03-01T08:00:00.000004");
        Watermark watermark = new Watermark(time, 13L);

        assertThat(SourceQuery.of(overlap, null).sql())
                .isEqualTo("SELECT * FROM t WHERE ts IS NOT NULL ORDER BY ts, id");
        SourceQuery windowed = SourceQuery.of(overlap, watermark);
        assertThat(windowed.sql()).isEqualTo("SELECT * FROM t WHERE ts >= ? ORDER BY ts, id");
        assertThat(windowed.parameters()).containsExactly(time.minus(Duration.ofMinutes(5)));
        SourceQuery after = SourceQuery.of(strict, watermark);
        assertThat(after.sql()).isEqualTo("SELECT * FROM t WHERE ts > ? OR (ts = ? AND id > ?) ORDER BY ts, id");
        assertThat(after.parameters()).containsExactly(time, time, 13L);
    }

    @Test
    void queryWrappedAsSubquery() {
        JdbcPollSettings snapshot = new JdbcPollSettings("jdbc:postgresql://h/db", null, null, null,
                "SELECT a, b FROM x", false, null, null, Duration.ZERO, 100, 10, 1, false);

        assertThat(SourceQuery.of(snapshot, null).sql()).isEqualTo("SELECT * FROM (SELECT a, b FROM x) huitong_source");
        assertThat(JdbcPollSupport.isSingleSelect("  with x as (select 1) select * from x")).isTrue();
        assertThat(JdbcPollSupport.isSingleSelect("SELECT 1; DELETE FROM x")).isFalse();
        assertThat(JdbcPollSupport.isSingleSelect("UPDATE x SET a = 1")).isFalse();
    }

    private static JdbcPollSettings settings(String overlap) {
        return new JdbcPollSettings("jdbc:postgresql://h/db", null, null, "t", null, true, "ts", "id",
                Duration.parse(overlap), 100, 10, 1, false);
    }

    @Test
    void passwordMaskedInMessages() {
        assertThat(JdbcPoller.withoutPassword("auth failed for pw Secret1", "Secret1")).isEqualTo("auth failed for pw ********");
        assertThat(JdbcPoller.withoutPassword("refused", null)).isEqualTo("refused");
    }
}
