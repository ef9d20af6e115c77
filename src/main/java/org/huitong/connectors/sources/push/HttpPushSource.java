package org.huitong.connectors.sources.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.DescriptorError;
import org.huitong.security.SecretCipher;

/**
 * The {@code http-push} source template: its parameters, declared with their defaults in
 * {@code routes/http-push.parameters.json}, and the checks a schema cannot express.
 */
public final class HttpPushSource {

    public static final String TEMPLATE = "http-push";

    public static final String BEARER = "bearer";

    public static final String HMAC = "hmac";

    /** Shortest bearer token accepted; a shorter one is too easy to guess. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Shortest HMAC secret accepted. */
    public static final int MIN_HMAC_SECRET_LENGTH = 32;

    static final String AUTHENTICATION = "authentication";
    static final String TOKEN = "token";
    static final String HMAC_SECRET = "hmacSecret";
    static final String TOLERANCE = "signatureToleranceSeconds";
    static final String MAX_BODY_BYTES = "maxBodyBytes";
    static final String MAX_RECORDS = "maxRecords";

    private static final Pattern ENVIRONMENT_REFERENCE = Pattern.compile("^\\$\\{env:[A-Za-z_][A-Za-z0-9_]*}$");

    private HttpPushSource() {
    }

    /**
     * Checks that the secret of the chosen authentication is given, long enough, and that the
     * other one is absent. Secrets written as {@code ${env:NAME}}, already encrypted, or sent as
     * the API's placeholder are checked for length when the route is built.
     */
    public static List<DescriptorError> check(Map<String, String> parameters) {
        List<DescriptorError> errors = new ArrayList<>();
        String authentication = parameters.getOrDefault(AUTHENTICATION, BEARER);
        String used = HMAC.equals(authentication) ? HMAC_SECRET : TOKEN;
        String unused = HMAC.equals(authentication) ? TOKEN : HMAC_SECRET;
        int minLength = HMAC.equals(authentication) ? MIN_HMAC_SECRET_LENGTH : MIN_TOKEN_LENGTH;

        String secret = parameters.get(used);
        if (secret == null || secret.isEmpty()) {
            errors.add(new DescriptorError("source.parameters." + used, "push-secret-required", authentication));
        } else if (isPlain(secret) && secret.length() < minLength) {
            errors.add(new DescriptorError("source.parameters." + used, "push-secret-too-short",
                    String.valueOf(minLength)));
        }
        if (parameters.containsKey(unused)) {
            errors.add(new DescriptorError("source.parameters." + unused, "push-secret-unused", authentication));
        }
        return errors;
    }

    private static boolean isPlain(String secret) {
        return !SecretCipher.isEncrypted(secret) && !ConnectorSecrets.PLACEHOLDER.equals(secret)
                && !ENVIRONMENT_REFERENCE.matcher(secret).matches();
    }
}
