package org.huitong.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents {@code id} of a record version: a name-based UUID (RFC 4122 version 5, SHA-1)
 * of the record type, business key, version and content hash. Publishing the same version again
 * yields the same id, which lets the broker's duplicate detection drop the repetition and lets
 * subscribers de-duplicate.
 *
 * <p>The name is the four values joined by the ASCII unit separator (U+001F) and encoded as
 * UTF-8, hashed under {@link #NAMESPACE}. In Python the same id is
 * {@code uuid.uuid5(NAMESPACE, "\x1f".join([type, key, str(version), hash]))}.
 */
public record EventId(UUID value) {

    /** Namespace of all Huitong event ids. Changing it changes every id. */
    public static final UUID NAMESPACE = UUID.fromString("6f1c2a7e-0d5b-4c3e-9a8f-2b4d6e8f0a13");

    private static final char SEPARATOR = '\u001f';

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    /** Computes the id of the record version that {@code record} carries. */
    public static EventId of(OutboundRecord record) {
        String name = record.recordType() + SEPARATOR + record.businessKey() + SEPARATOR
                + record.version() + SEPARATOR + record.contentHash();
        return new EventId(nameBasedUuid(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID nameBasedUuid(byte[] name) {
        MessageDigest sha1 = sha1();
        sha1.update(ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits())
                .array());
        sha1.update(name);

        ByteBuffer hash = ByteBuffer.wrap(sha1.digest());
        long mostSignificantBits = hash.getLong();
        long leastSignificantBits = hash.getLong();

        // Version 5 in bits 12-15 of the high half, IETF variant (binary 10) in its top bits.
        mostSignificantBits = (mostSignificantBits & ~0xF000L) | 0x5000L;
        leastSignificantBits = (leastSignificantBits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificantBits, leastSignificantBits);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
