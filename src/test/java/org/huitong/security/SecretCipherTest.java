package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(randomKey());

    @Test
    void roundTripKeepsText() {
        String stored = cipher.encrypt("数据库密码 p@ss 𠮷");

        assertThat(stored).startsWith("enc:v1:");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(stored).doesNotContain("p@ss");
        assertThat(cipher.decrypt(stored)).isEqualTo("数据库密码 p@ss 𠮷");
    }

    @Test
    void sameTextEncryptsDifferently() {
        assertThat(cipher.encrypt("secret")).isNotEqualTo(cipher.encrypt("secret"));
    }

    @Test
    void emptyTextRoundTrips() {
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void changedByteIsDetected() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt("secret").substring("enc:v1:".length()));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(SecretCipher.SecretDecryptionException.class)
                .hasMessageContaining("was changed or was encrypted with another key");
    }

    @Test
    void otherKeyCannotDecrypt() {
        String stored = cipher.encrypt("secret");

        assertThatThrownBy(() -> new SecretCipher(randomKey()).decrypt(stored))
                .isInstanceOf(SecretCipher.SecretDecryptionException.class);
    }

    @Test
    void valueWithoutPrefixIsRejected() {
        assertThat(SecretCipher.isEncrypted("plain")).isFalse();
        assertThatThrownBy(() -> cipher.decrypt("plain"))
                .isInstanceOf(SecretCipher.SecretDecryptionException.class)
                .hasMessageContaining("does not start with enc:v1:")
                .hasMessageNotContaining("plain");
    }

    @Test
    void malformedValuesAreRejected() {
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:not base64!"))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:AAAA"))
                .hasMessageContaining("too short");
    }

    @Test
    void keyFileIsCreatedOnceAndReused(@TempDir Path dataDir) throws Exception {
        SecretCipher first = new SecretCipher(new SecretKeys(properties(null, false), dataDir));
        String stored = first.encrypt("secret");
        String keyFile = Files.readString(dataDir.resolve("secret.key"));

        SecretCipher second = new SecretCipher(new SecretKeys(properties(null, false), dataDir));

        assertThat(second.decrypt(stored)).isEqualTo("secret");
        assertThat(Files.readString(dataDir.resolve("secret.key"))).isEqualTo(keyFile);
        assertThat(Base64.getDecoder().decode(keyFile.strip())).hasSize(32);
    }

    @Test
    void configuredKeyIsUsed(@TempDir Path dataDir) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);

        String stored = new SecretCipher(new SecretKeys(properties(base64, true), dataDir)).encrypt("secret");

        assertThat(new SecretCipher(new SecretKeySpec(key, "AES")).decrypt(stored)).isEqualTo("secret");
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void requiredKeyMustBeConfigured(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new SecretKeys(properties(" ", true), dataDir).load())
                .hasMessageContaining("HUITONG_SECRET_KEY");
    }

    @Test
    void wrongLengthKeyIsRejected(@TempDir Path dataDir) {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new SecretKeys(properties(sixteenBytes, true), dataDir).load())
                .hasMessageContaining("decodes to 16 bytes");
        assertThatThrownBy(() -> new SecretKeys(properties("%%%", true), dataDir).load())
                .hasMessageContaining("not valid base64");
    }

    private static HubSecurityProperties properties(String secretKey, boolean required) {
        return new HubSecurityProperties(true, secretKey, required,
                new HubSecurityProperties.InitialAdmin("admin", null, null),
                new HubSecurityProperties.Jwt("huitong_role", "department", "preferred_username"),
                new HubSecurityProperties.Login(5, java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(15)));
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}
