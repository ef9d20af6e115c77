package org.huitong.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the AES-256 key of {@link SecretCipher}: {@code huitong.security.secret-key} (environment
 * variable {@code HUITONG_SECRET_KEY}) when set, or else, unless the key is required as in
 * production, the file {@code ${huitong.data-dir}/secret.key}, created with a random key on
 * first start and readable by its owner only.
 */
@Component
public class SecretKeys {

    static final int KEY_BYTES = 32;

    static final String KEY_FILE = "secret.key";

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

    private final HubSecurityProperties properties;

    private final Path dataDir;

    public SecretKeys(HubSecurityProperties properties, @Value("${huitong.data-dir:./data}") Path dataDir) {
        this.properties = properties;
        this.dataDir = dataDir;
    }

    /** @throws IllegalStateException if the key is missing where required, or malformed */
    public SecretKey load() {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "huitong.security.secret-key (HUITONG_SECRET_KEY)");
        }
        if (properties.requireSecretKey()) {
            throw new IllegalStateException("No secret key is configured, and this profile requires one."
                    + " Set the environment variable HUITONG_SECRET_KEY to the base64 of 32 random bytes,"
                    + " for example the output of: openssl rand -base64 32");
        }
        return fromFile(dataDir.resolve(KEY_FILE));
    }

    private static SecretKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                if (OwnerOnlyFiles.isOpenToOthers(file)) {
                    LOG.warn("Secret key file {} can be read by other users; restrict it with chmod 600 {}",
                            file, file);
                }
                return decode(Files.readString(file, StandardCharsets.UTF_8).strip(), "secret key file " + file);
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n");
            LOG.warn("Created secret key file {} for encrypting stored secrets. Back it up with the database:"
                    + " without it the encrypted secrets cannot be read.", file);
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static SecretKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64. Use the base64 of 32 random bytes,"
                    + " for example the output of: openssl rand -base64 32");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " decodes to " + key.length + " bytes, but an AES-256 key has "
                    + KEY_BYTES + ". Use for example the output of: openssl rand -base64 32");
        }
        return new SecretKeySpec(key, "AES");
    }
}
