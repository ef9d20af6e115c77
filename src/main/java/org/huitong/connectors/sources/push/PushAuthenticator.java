package org.huitong.connectors.sources.push;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Authenticates a push with the connector's secret: a bearer token, or an HMAC-SHA256 signature.
 *
 * <p>The signature covers the bytes of the {@value #TIMESTAMP_HEADER} value, a line feed, the
 * connector id, a line feed, and the raw request body. It is sent as
 * {@code X-Huitong-Signature: sha256=<64 lower-case hex digits>}. A timestamp further than the
 * connector's tolerance from the hub's clock is rejected, so a captured request cannot be
 * replayed later. Comparisons take constant time.
 */
final class PushAuthenticator {

    static final String TIMESTAMP_HEADER = "X-Huitong-Timestamp";

    static final String SIGNATURE_HEADER = "X-Huitong-Signature";

    static final String SIGNATURE_PREFIX = "sha256=";

    private static final String BEARER_PREFIX = "Bearer ";

    /**
     * The signature headers of a request, checked for form and age but not yet against the body.
     *
     * @param timestamp the timestamp header exactly as sent, as it is signed
     */
    record SignedRequest(String timestamp, byte[] signature) {
    }

    private PushAuthenticator() {
    }

    /** Verifies the bearer token of a request. */
    static void verifyToken(PushSettings settings, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.token-missing");
        }
        String token = header.substring(BEARER_PREFIX.length()).strip();
        if (!MessageDigest.isEqual(sha256(token), sha256(settings.secret()))) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.token-invalid");
        }
    }

    /**
     * Reads the signature headers and checks the timestamp's age, before the body is read.
     *
     * @param now the hub's clock
     */
    static SignedRequest readSignature(PushSettings settings, HttpServletRequest request, Instant now) {
        String timestamp = request.getHeader(TIMESTAMP_HEADER);
        String signature = request.getHeader(SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.signature-missing",
                    TIMESTAMP_HEADER, SIGNATURE_HEADER);
        }
        if (!timestamp.matches("^[0-9]{1,12}$")) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.timestamp-invalid",
                    TIMESTAMP_HEADER, printable(timestamp));
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        if (skew.compareTo(settings.signatureTolerance()) > 0) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.timestamp-outside-tolerance",
                    timestamp, String.valueOf(now.getEpochSecond()), String.valueOf(settings.signatureTolerance().toSeconds()));
        }
        String hex = signature.strip().toLowerCase(java.util.Locale.ROOT);
        if (!hex.startsWith(SIGNATURE_PREFIX) || !hex.substring(SIGNATURE_PREFIX.length()).matches("^[0-9a-f]{64}$")) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.signature-malformed", SIGNATURE_HEADER);
        }
        return new SignedRequest(timestamp, HexFormat.of().parseHex(hex.substring(SIGNATURE_PREFIX.length())));
    }

    /** Verifies the signature against the body. */
    static void verifySignature(PushSettings settings, String connectorId, SignedRequest signed, byte[] body) {
        byte[] expected = sign(settings.secret(), signed.timestamp(), connectorId, body);
        if (!MessageDigest.isEqual(expected, signed.signature())) {
            throw new PushRejectedException(HttpStatus.UNAUTHORIZED, "push.auth.signature-invalid");
        }
    }

    /** Computes the signature of a push, as a client computes it. */
    static byte[] sign(String secret, String timestamp, String connectorId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n" + connectorId + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
