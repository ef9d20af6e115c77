package org.huitong.connectors.sources.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Parsing known_hosts text and finding the entry of a server in it. */
class KnownHostsTest {

    private static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @Test
    void plainEntriesMatchHostAndPort() {
        KnownHosts knownHosts = KnownHosts.parse("""
                # comment
                sftp.example.gov.cn,10.0.0.5 ssh-ed25519 %s
                [sftp.example.gov.cn]:2222 ssh-ed25519 %s deploy@hub
                """.formatted(KEY, KEY));

        assertThat(knownHosts.faults()).isEmpty();
        assertThat(knownHosts.entries()).hasSize(2);
        assertThat(knownHosts.names("10.0.0.5", 22)).isTrue();
        assertThat(knownHosts.names("SFTP.example.gov.cn", 2222)).isTrue();
        assertThat(knownHosts.names("10.0.0.5", 2222)).isFalse();
        assertThat(knownHosts.names("other.example.gov.cn", 22)).isFalse();
    }

    @Test
    void hashedEntryMatchesOnlyItsHost() throws Exception {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        String hash = Base64.getEncoder().encodeToString(mac.doFinal("[10.0.0.5]:2222".getBytes(StandardCharsets.US_ASCII)));
        String line = "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + hash + " ssh-ed25519 " + KEY;

        KnownHosts knownHosts = KnownHosts.parse(line);

        assertThat(knownHosts.names("10.0.0.5", 2222)).isTrue();
        assertThat(knownHosts.names("10.0.0.5", 22)).isFalse();
    }

    @Test
    void faultyLinesReportedByNumber() {
        KnownHosts knownHosts = KnownHosts.parse("""
                host ssh-ed25519
                host ssh-foo %s
                host ssh-ed25519 not*base64
                @revoked host ssh-ed25519 %s
                """.formatted(KEY, KEY));

        assertThat(knownHosts.faults()).containsExactly(
                new KnownHosts.Fault(1, "known-hosts-fields"),
                new KnownHosts.Fault(2, "known-hosts-key-type"),
                new KnownHosts.Fault(3, "known-hosts-key"));
        assertThat(knownHosts.entries()).isEmpty();
        assertThat(knownHosts.names("host", 22)).isFalse();
    }
}
