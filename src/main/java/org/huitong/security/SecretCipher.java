package org.huitong.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept in the hub's database, such as a connector's password, with AES-256-GCM.
 * A stored value is {@code enc:v1:} and the base64 of the 12-byte random nonce followed by the
 * ciphertext with its 16-byte authentication tag, so any change to it fails decryption.
 *
 * <p>The key comes from {@link SecretKeys}: {@code huitong.security.secret-key}, or a key file in
 * the data directory on the embedded default. Neither the key nor a plaintext is ever logged.
 */
@Component
public class SecretCipher {

    public static final String PREFIX = "enc:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Autowired
    public SecretCipher(SecretKeys keys) {
        this(keys.load());
    }

    /** Creates a cipher with the given AES key, for tests and tools. */
    public SecretCipher(SecretKey key) {
        this.key = key;
    }

    /** Returns true if {@code value} has the {@code enc:v1:} prefix of an encrypted value. */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("Cannot encrypt null");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt}.
     *
     * @throws SecretDecryptionException if the value lacks the prefix, is malformed, was changed,
     *     or was encrypted with another key; the message never contains the value
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new SecretDecryptionException("The value is not encrypted: it does not start with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("The encrypted value is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("The encrypted value is too short to hold a nonce and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretDecryptionException("The encrypted value was changed or was encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("AES-GCM decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** A stored secret cannot be decrypted. */
    public static class SecretDecryptionException extends RuntimeException {

        public SecretDecryptionException(String message) {
            super(message);
        }
    }
}
