package org.huitong.connectors.sources.push;

import java.time.Duration;
import java.util.Map;

/**
 * The resolved {@code http-push} parameters of one connector. It contains a secret, so it must
 * never be logged; {@link #toString()} leaves the secret out.
 *
 * @param secret the bearer token or the HMAC secret, as {@link #authentication()} selects
 */
record PushSettings(String authentication, String secret, Duration signatureTolerance, long maxBodyBytes,
                    int maxRecords) {

    /**
     * Reads the settings from the connector's parameters, with the template's defaults filled
     * in and the secrets resolved.
     *
     * @throws IllegalStateException naming the parameter (never its value) if the secret is
     *     missing or too short, which a descriptor check cannot see for {@code ${env:NAME}}
     */
    static PushSettings from(String connectorId, Map<String, String> parameters) {
        String authentication = parameters.getOrDefault(HttpPushSource.AUTHENTICATION, HttpPushSource.BEARER);
        boolean hmac = HttpPushSource.HMAC.equals(authentication);
        String name = hmac ? HttpPushSource.HMAC_SECRET : HttpPushSource.TOKEN;
        int minLength = hmac ? HttpPushSource.MIN_HMAC_SECRET_LENGTH : HttpPushSource.MIN_TOKEN_LENGTH;
        String secret = parameters.get(name);
        if (secret == null || secret.length() < minLength) {
            throw new IllegalStateException("Parameter " + name + " of connector " + connectorId
                    + " is missing or shorter than " + minLength + " characters");
        }
        return new PushSettings(authentication, secret,
                Duration.ofSeconds(Long.parseLong(parameters.getOrDefault(HttpPushSource.TOLERANCE, "300"))),
                Long.parseLong(parameters.getOrDefault(HttpPushSource.MAX_BODY_BYTES, "10485760")),
                Integer.parseInt(parameters.getOrDefault(HttpPushSource.MAX_RECORDS, "10000")));
    }

    boolean usesHmac() {
        return HttpPushSource.HMAC.equals(authentication);
    }

    @Override
    public String toString() {
        return "PushSettings[authentication=" + authentication + ", signatureTolerance=" + signatureTolerance
                + ", maxBodyBytes=" + maxBodyBytes + ", maxRecords=" + maxRecords + "]";
    }
}
