package org.huitong.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.huitong.audit.AuditLog;
import org.huitong.security.users.PasswordPolicy;
import org.huitong.security.users.UserRequests;
import org.huitong.security.users.UserService;
import org.huitong.web.ApiException;
import org.huitong.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when the user table is empty, in this order of preference:
 * <ol>
 *   <li>with the password of {@code huitong.security.initial-admin.password} (environment
 *       variable {@code HUITONG_ADMIN_PASSWORD}) or of the file named by
 *       {@code huitong.security.initial-admin.password-file};
 *   <li>if {@code huitong.security.bootstrap-admin} is true (the embedded default), with a random
 *       password written to {@code ${huitong.data-dir}/initial-admin-password}, readable by its
 *       owner only.
 * </ol>
 * Otherwise it logs an error that explains how to create one. It never logs a password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {

    public static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private static final int RANDOM_PASSWORD_BYTES = 18;

    private final UserService users;

    private final HubSecurityProperties properties;

    private final ObjectProvider<JwtDecoder> jwtDecoder;

    private final Path dataDir;

    public AdminBootstrap(UserService users, HubSecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder,
                          @Value("${huitong.data-dir:./data}") Path dataDir) {
        this.users = users;
        this.properties = properties;
        this.jwtDecoder = jwtDecoder;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (users.count() > 0) {
            return;
        }
        HubSecurityProperties.InitialAdmin admin = properties.initialAdmin();
        if (admin.password() != null && !admin.password().isBlank()) {
            createFromConfiguration(admin.password(), "huitong.security.initial-admin.password (HUITONG_ADMIN_PASSWORD)");
        } else if (admin.passwordFile() != null) {
            createFromConfiguration(readFirstLine(admin.passwordFile()), "file " + admin.passwordFile());
        } else if (properties.bootstrapAdmin()) {
            createWithRandomPassword();
        } else if (jwtDecoder.getIfAvailable() == null) {
            LOG.error("No user exists and no JWT issuer is configured, so nobody can log in. Create the first"
                    + " administrator '{}': set the environment variable HUITONG_ADMIN_PASSWORD (at least {}"
                    + " characters) or huitong.security.initial-admin.password-file, then restart the hub."
                    + " See docs/security.md.", admin.username(), PasswordPolicy.MIN_LENGTH);
        } else {
            LOG.info("No built-in user exists; callers log in with JWT bearer tokens only");
        }
    }

    private void createFromConfiguration(String password, String source) {
        String username = properties.initialAdmin().username();
        try {
            create(username, password);
            LOG.warn("Created administrator '{}' with the password from {}. Remove that setting now:"
                    + " it is read only while no user exists.", username, source);
        } catch (ApiException e) {
            LOG.error("Cannot create administrator '{}' from {}: the password breaks rule {}. Use at least {}"
                    + " characters that do not contain the user name.", username, source, e.messageKey(),
                    PasswordPolicy.MIN_LENGTH);
        }
    }

    private void createWithRandomPassword() {
        String username = properties.initialAdmin().username();
        String password = randomPassword(username);
        Path file = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            OwnerOnlyFiles.write(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial administrator password to " + file, e);
        }
        try {
            create(username, password);
        } catch (ConflictException e) {
            // Another hub instance on the same database created the user first.
            deleteQuietly(file);
            LOG.info("Administrator '{}' was created by another hub instance meanwhile", username);
            return;
        }
        LOG.warn("Created administrator '{}' with a random password, written to {}. Log in with"
                + " curl -u {}:\"$(cat {})\" http://HOST:PORT/api/me, change the password with"
                + " POST /api/me/password and then delete the file.", username, file, username, file);
    }

    private void create(String username, String password) {
        users.create(new UserRequests.Create(username, password, HubRole.ADMIN, null), AuditLog.SYSTEM);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete unused password file {}: {}", file, e.getMessage());
        }
    }

    private static String randomPassword(String username) {
        SecureRandom random = new SecureRandom();
        String password;
        do {
            byte[] bytes = new byte[RANDOM_PASSWORD_BYTES];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)));
        return password;
    }

    private static String readFirstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read huitong.security.initial-admin.password-file " + file, e);
        }
    }
}
