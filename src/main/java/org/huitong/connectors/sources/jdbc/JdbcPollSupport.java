package org.huitong.connectors.sources.jdbc;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.PollSchedule;
import org.huitong.connectors.SourceSupport;
import org.springframework.stereotype.Component;

/**
 * The {@code jdbc-poll} template: checks what its parameter schema cannot express and passes
 * only the schedule to the route. The connection parameters stay out of Camel; the
 * {@link JdbcPoller} reads them when it connects.
 */
@Component
public class JdbcPollSupport implements SourceSupport {

    private static final String PARAMETERS = "source.parameters.";

    private final org.huitong.connectors.sources.OutboundHosts hosts;

    public JdbcPollSupport(org.huitong.connectors.sources.OutboundHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String template() {
        return JdbcPollSettings.TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        Map<String, String> parameters = descriptor.source().parameters();
        List<DescriptorError> errors = new ArrayList<>();
        checkUrl(parameters.get("url"), errors);
        if (errors.isEmpty() && parameters.get("url") != null) {
            for (String host : JdbcUrls.hosts(parameters.get("url"))) {
                errors.addAll(hosts.check(PARAMETERS + "url", host));
            }
        }
        checkSource(parameters, errors);
        String overlap = parameters.get("overlap");
        if (overlap != null && !isNonNegativeDuration(overlap)) {
            errors.add(new DescriptorError(PARAMETERS + "overlap", "jdbc-overlap", overlap));
        }
        return errors;
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters) {
        return PollSchedule.routeParameters(descriptor);
    }

    private static void checkUrl(String url, List<DescriptorError> errors) {
        if (url == null) {
            return;
        }
        String path = PARAMETERS + "url";
        if (JdbcUrls.containsPassword(url)) {
            // The URL itself is not repeated in the message because it contains the password.
            errors.add(new DescriptorError(path, "jdbc-url-password"));
            return;
        }
        if (JdbcUrls.embedded(url)) {
            errors.add(new DescriptorError(path, "jdbc-url-embedded", url));
            return;
        }
        String unsafe = JdbcUrls.unsafeParameter(url);
        if (unsafe != null) {
            errors.add(new DescriptorError(path, "jdbc-url-parameter", unsafe));
            return;
        }
        if (!JdbcUrls.hasDriver(url)) {
            errors.add(new DescriptorError(path, "jdbc-url-no-driver", url));
            return;
        }
        if (JdbcUrls.hosts(url).isEmpty()) {
            errors.add(new DescriptorError(path, "jdbc-url-no-host", url));
            return;
        }
        String blocked = JdbcUrls.blockedLiteralHost(url);
        if (blocked != null) {
            errors.add(new DescriptorError(path, "jdbc-url-host-blocked", blocked));
        }
    }

    private static void checkSource(Map<String, String> parameters, List<DescriptorError> errors) {
        boolean table = parameters.containsKey("table");
        boolean query = parameters.containsKey("query");
        if (table == query) {
            errors.add(new DescriptorError(PARAMETERS + (table ? "query" : "table"), "jdbc-table-or-query"));
        }
        if (query && !isSingleSelect(parameters.get("query"))) {
            errors.add(new DescriptorError(PARAMETERS + "query", "jdbc-query-not-select"));
        }
        if (!"snapshot".equals(parameters.get("mode"))) {
            for (String column : List.of("timestampColumn", "keyColumn")) {
                if (!parameters.containsKey(column)) {
                    errors.add(new DescriptorError(PARAMETERS + column, "jdbc-incremental-column", column));
                }
            }
            if ("true".equals(parameters.get("deletions"))) {
                errors.add(new DescriptorError(PARAMETERS + "deletions", "jdbc-deletions-snapshot"));
            }
        }
    }

    /**
     * Accepts one SELECT or WITH statement without a semicolon. The hub wraps the query as a
     * subquery and runs it in a read-only transaction, so this check is for a clear error, not
     * the only protection against writes.
     */
    static boolean isSingleSelect(String query) {
        String start = query.stripLeading().toLowerCase(Locale.ROOT);
        return (start.startsWith("select") || start.startsWith("with")) && !query.contains(";");
    }

    private static boolean isNonNegativeDuration(String value) {
        try {
            return !Duration.parse(value).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
