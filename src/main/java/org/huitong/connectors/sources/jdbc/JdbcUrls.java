package org.huitong.connectors.sources.jdbc;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huitong.security.MetadataEndpoints;

/**
 * Checks a source's JDBC URL: a driver of the hub must accept it, and no host may be a
 * link-local or cloud metadata address. The second rule stops a connector from reading the
 * metadata service of the machine the hub runs on, which can hand out cloud credentials.
 */
final class JdbcUrls {

    /** {@code jdbc:<driver>://host[:port][,host[:port]...]/...}, as PostgreSQL and MariaDB write it. */
    private static final Pattern HOSTS = Pattern.compile("^jdbc:[a-z0-9]+(?::[a-z0-9]+)?://([^/?;]*)");

    /**
     * Drivers that open files or in-memory databases on the hub's own machine, such as the H2
     * driver of the hub's database; a source must be a database server.
     */
    private static final List<String> EMBEDDED_PREFIXES = List.of("jdbc:h2:", "jdbc:hsqldb:", "jdbc:derby:",
            "jdbc:sqlite:");

    /**
     * URL parameters that make a driver load a class, write a file or read local files, for
     * example PostgreSQL's socketFactory and sslfactory, or MariaDB's allowLocalInfile.
     */
    private static final Pattern UNSAFE_PARAMETER = Pattern.compile(
            "(?i)[?&;]([a-z]*(factory|classname|class|callback|verifier|plugin|loggerfile|loggerlevel|localinfile"
                    + "|autodeserialize|init)[a-z]*)=");

    private JdbcUrls() {
    }

    /** Tells whether the URL's driver reads a file or memory of the hub's machine instead of a server. */
    static boolean embedded(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return EMBEDDED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** Returns the first URL parameter that could load code or touch local files, or {@code null}. */
    static String unsafeParameter(String url) {
        Matcher matcher = UNSAFE_PARAMETER.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Tells whether a driver on the hub's class path accepts the URL. */
    static boolean hasDriver(String url) {
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Tells whether the URL contains a password, which belongs in the encrypted parameter. */
    static boolean containsPassword(String url) {
        return url.toLowerCase(Locale.ROOT).matches("(?s).*[?&;:]password=.*");
    }

    /** Returns the host names or addresses of the URL, or an empty list if it names none. */
    static List<String> hosts(String url) {
        Matcher matcher = HOSTS.matcher(url);
        List<String> hosts = new ArrayList<>();
        if (!matcher.find()) {
            return hosts;
        }
        String authority = matcher.group(1);
        int at = authority.lastIndexOf('@');
        for (String hostAndPort : authority.substring(at + 1).split(",")) {
            String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, Math.max(1, hostAndPort.indexOf(']')))
                    : hostAndPort.replaceFirst(":\\d*$", "");
            if (!host.isBlank()) {
                hosts.add(host.toLowerCase(Locale.ROOT));
            }
        }
        return hosts;
    }

    /**
     * Returns the first host written in the URL that is blocked, judging only literal
     * addresses and known metadata names; no name is resolved.
     */
    static String blockedLiteralHost(String url) {
        for (String host : hosts(url)) {
            if (MetadataEndpoints.contains(host) || isLiteral(host) && literal(host) != null && blocked(literal(host))) {
                return host;
            }
        }
        return null;
    }

    /**
     * Resolves every host of the URL and returns the first that is, or resolves to, a blocked
     * address; called before each connection, so a name changed to point at a metadata
     * service is caught too.
     */
    static String blockedResolvedHost(String url) throws UnknownHostException {
        String literal = blockedLiteralHost(url);
        if (literal != null) {
            return literal;
        }
        for (String host : hosts(url)) {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (blocked(address)) {
                    return host;
                }
            }
        }
        return null;
    }

    static boolean blocked(InetAddress address) {
        return address.isLinkLocalAddress()
                || MetadataEndpoints.contains(address.getHostAddress())
                || address instanceof Inet6Address && address.getHostAddress().startsWith("fd00:ec2:");
    }

    private static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static InetAddress literal(String host) {
        try {
            // A literal address is parsed without a name lookup.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
