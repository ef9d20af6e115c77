package org.huitong.subscriptions.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses; the hub uses the JDK's resolver. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
