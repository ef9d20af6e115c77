package org.huitong.connectors.sources.sftp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code knownHosts} parameter of an {@code sftp-poll} connector: host keys in OpenSSH
 * {@code known_hosts} format ({@code [markers] hosts key-type base64-key [comment]}). Plain
 * and hashed ({@code |1|salt|hash}) host patterns are understood, wildcards are not.
 */
final class KnownHosts {

    private static final Set<String> KEY_TYPES = Set.of("ssh-rsa", "ssh-dss", "ssh-ed25519",
            "ssh-ed448", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-256", "rsa-sha2-512", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    /** One key line: its host patterns and key type. */
    record Entry(int line, String hosts, String keyType) {
    }

    /** A line that is not a valid known_hosts entry, with the reason as a message kind. */
    record Fault(int line, String kind) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    private KnownHosts() {
    }

    static KnownHosts parse(String text) {
        KnownHosts parsed = new KnownHosts();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            parsed.parseLine(i + 1, lines[i].strip());
        }
        return parsed;
    }

    private void parseLine(int number, String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] fields = line.split("\\s+");
        int first = fields[0].startsWith("@") ? 1 : 0;
        if (fields.length < first + 3) {
            faults.add(new Fault(number, "known-hosts-fields"));
            return;
        }
        String keyType = fields[first + 1];
        if (!KEY_TYPES.contains(keyType)) {
            faults.add(new Fault(number, "known-hosts-key-type"));
            return;
        }
        try {
            Base64.getDecoder().decode(fields[first + 2]);
        } catch (IllegalArgumentException e) {
            faults.add(new Fault(number, "known-hosts-key"));
            return;
        }
        if ("@revoked".equals(fields[0])) {
            return;
        }
        entries.add(new Entry(number, fields[first], keyType));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    /**
     * Tells whether an entry names the server: {@code host} for port 22, {@code [host]:port}
     * for any other port, as OpenSSH writes them.
     */
    boolean names(String host, int port) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        for (Entry entry : entries) {
            for (String pattern : entry.hosts().split(",")) {
                if (pattern.startsWith("|1|") ? hashedMatches(pattern, name)
                        : pattern.equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Matches an OpenSSH hashed host name: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}. */
    private static boolean hashedMatches(String pattern, String name) {
        String[] parts = pattern.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] actual = mac.doFinal(name.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
