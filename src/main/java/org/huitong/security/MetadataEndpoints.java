package org.huitong.security;

import java.util.Locale;
import java.util.Set;

/**
 * Cloud metadata services that outbound calls must never reach, besides the link-local ranges
 * that every host policy rejects anyway. A metadata service hands out the machine's credentials,
 * so a connector or webhook URL that points at one would leak them.
 */
public final class MetadataEndpoints {

    /** Addresses outside the link-local ranges: Alibaba Cloud (100.100.100.200) and AWS over IPv6. */
    public static final Set<String> ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    /** Host names of metadata services, such as Google Cloud's and Tencent Cloud's. */
    public static final Set<String> HOST_NAMES = Set.of("metadata.google.internal", "metadata.tencentyun.com",
            "metadata", "instance-data");

    private MetadataEndpoints() {
    }

    /** Returns true if a host name or a textual address is a known metadata service, ignoring case. */
    public static boolean contains(String hostOrAddress) {
        String value = hostOrAddress.toLowerCase(Locale.ROOT);
        return ADDRESSES.contains(value) || HOST_NAMES.contains(value);
    }
}
