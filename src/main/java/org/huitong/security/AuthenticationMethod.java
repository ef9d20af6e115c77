package org.huitong.security;

/** The method by which a caller authenticated. */
public enum AuthenticationMethod {
    /** HTTP Basic with a built-in user's name and password. */
    PASSWORD,
    /** An {@code X-API-Key} header. */
    API_KEY,
    /** An OAuth 2.0 bearer token (JWT) from the configured identity provider. */
    JWT
}
