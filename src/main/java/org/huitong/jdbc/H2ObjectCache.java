package org.huitong.jdbc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off H2's object cache before the hub opens its embedded database, unless the JVM was
 * started with {@code -Dh2.objectCache} set.
 *
 * <p>H2 shares equal values between rows through that cache, and computes the hash of every
 * string a statement binds to find them. The hub binds each record's JSON text twice (record
 * store and published-event log), texts that are almost never equal, so the cache found nothing
 * and its hashing took a sixth of the committing thread's time in the ingest profile.
 *
 * <p>H2 reads the property once, when its classes load, so it is a system property and set as
 * early as Spring Boot allows. It has no effect on PostgreSQL.
 */
public class H2ObjectCache implements EnvironmentPostProcessor {

    /** The H2 system property. */
    static final String PROPERTY = "h2.objectCache";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
