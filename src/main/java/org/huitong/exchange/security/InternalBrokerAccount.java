package org.huitong.exchange.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.huitong.exchange.ExchangeProperties;
import org.huitong.security.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker account with full rights for the hub's own network clients, such as operators'
 * tools and tests that read {@code exchange.*}. The hub itself connects in-VM and needs no
 * account.
 *
 * @param username {@code huitong.exchange.broker.internal-user}
 * @param password {@code huitong.exchange.broker.internal-password}, or the generated one
 */
public record InternalBrokerAccount(String username, String password) {

    /** Name of the file in the broker data directory that keeps a generated password. */
    public static final String PASSWORD_FILE = "internal-password";

    private static final Logger log = LoggerFactory.getLogger(InternalBrokerAccount.class);

    private static final int RANDOM_PASSWORD_BYTES = 24;

    public InternalBrokerAccount {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("huitong.exchange.broker.internal-user is empty: set a user name"
                    + " for the broker's internal account");
        }
    }

    /**
     * Returns the configured account, or one whose password is read from, or else generated into,
     * {@value #PASSWORD_FILE} in {@code brokerDataDirectory} when no password is configured.
     */
    public static InternalBrokerAccount resolve(ExchangeProperties.Broker properties, Path brokerDataDirectory) {
        String configured = properties.getInternalPassword();
        if (configured != null && !configured.isBlank()) {
            return new InternalBrokerAccount(properties.getInternalUser(), configured);
        }
        Path file = brokerDataDirectory.resolve(PASSWORD_FILE).toAbsolutePath();
        return new InternalBrokerAccount(properties.getInternalUser(), readOrGenerate(file));
    }

    /** Compares in constant time, so response times do not reveal how much of a guess matched. */
    boolean matches(String username, String password) {
        return username != null && password != null
                && MessageDigest.isEqual(bytes(this.username), bytes(username))
                && MessageDigest.isEqual(bytes(this.password), bytes(password));
    }

    @Override
    public String toString() {
        return "InternalBrokerAccount[username=" + username + "]";
    }

    private static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                String password = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!password.isEmpty()) {
                    return password;
                }
            }
            String password = randomPassword();
            OwnerOnlyFiles.write(file, password + "\n");
            log.warn("Generated a password for the broker's internal account and wrote it to {}."
                    + " Set huitong.exchange.broker.internal-password to choose one.", file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the broker's internal password file " + file
                    + ": make the broker data directory writable or set huitong.exchange.broker.internal-password", e);
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[RANDOM_PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
