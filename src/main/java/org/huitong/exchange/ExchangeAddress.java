package org.huitong.exchange;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The broker address of one record type: {@code exchange.} followed by the record type, for
 * example {@code exchange.credit.license}. Every address is MULTICAST, so each subscriber gets
 * its own copy of every message.
 *
 * @param recordType dot-separated lower-case segments such as {@code credit.license}
 */
public record ExchangeAddress(String recordType) {

    /** Prefix of every exchange address. Broker address settings match {@code exchange.#}. */
    public static final String PREFIX = "exchange.";

    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /**
     * @throws IllegalArgumentException if the record type is not dot-separated segments of
     *     lower-case letters, digits and underscores, because Artemis treats {@code #} and
     *     {@code *} as wildcards and other characters break subscriber filters
     */
    public ExchangeAddress {
        Objects.requireNonNull(recordType, "recordType");
        if (!RECORD_TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("Invalid record type '" + recordType
                    + "': expected dot-separated segments of lower-case letters, digits and"
                    + " underscores, such as credit.license");
        }
    }

    /** Returns the broker address name, for example {@code exchange.credit.license}. */
    public String name() {
        return PREFIX + recordType;
    }

    @Override
    public String toString() {
        return name();
    }
}
