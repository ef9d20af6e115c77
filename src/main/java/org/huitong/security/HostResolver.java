package org.huitong.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to its addresses for the host policies of sources and webhooks. The hub
 * uses the JDK's resolver; tests replace it to simulate DNS answers.
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
