package org.huitong.subscriptions.view;

import java.util.List;
import java.util.regex.Pattern;

/** Checks the division prefixes of a subscription filter. */
final class DivisionPrefixes {

    /** A GB/T 2260 division code has 6 digits, and a township-level code 9 or 12. */
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,12}");

    private DivisionPrefixes() {
    }

    /**
     * Returns the prefixes unchanged after checking that each is 1 to 12 digits, which also makes
     * them safe inside a JMS {@code LIKE} pattern.
     *
     * @throws IllegalArgumentException naming the subscription and the prefix otherwise
     */
    static List<String> checked(String subscriptionId, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("Subscription " + subscriptionId + " has an invalid division"
                        + " filter \"" + prefix + "\": a division prefix must be 1 to 12 digits of a GB/T 2260"
                        + " code, for example 6201 for Lanzhou");
            }
        }
        return List.copyOf(prefixes);
    }
}
