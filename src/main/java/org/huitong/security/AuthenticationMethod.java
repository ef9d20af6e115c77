package org.huitong.security;

/** How a caller proved who it is. */
public enum AuthenticationMethod {
    /** HTTP Basic with a built-in user's name and password. */
    PASSWORD,
    /** An {@code X-API-Key} header. */
    API_KEY,
    /** An OAuth 2.0 bearer token (JWT) from the configured identity provider. */
    JWT
}
