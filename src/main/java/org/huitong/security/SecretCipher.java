package org.huitong.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;

@Component
public class SecretCipher {
    public String encrypt(String plaintext) { return "enc:v1:" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)); }
    public String decrypt(String stored) { return new String(Base64.getDecoder().decode(stored.substring(7)), StandardCharsets.UTF_8); }
    public static boolean isEncrypted(String value) { return value != null && value.startsWith("enc:v1:"); }
}
