package org.huitong.connectors.sources.jdbc;

import java.time.Duration;
import java.util.Map;

/**
 * The parameters of one {@code jdbc-poll} connector, with the template's defaults filled in.
 *
 * @param table table or view name, or {@code null} when {@code query} is set
 * @param query a SELECT statement, or {@code null} when {@code table} is set
 * @param password the resolved password; never log it or put it in a message
 * @param overlap how far before the watermark's timestamp an incremental poll reads again
 * @param deletions whether a snapshot deletes the connector's records that it no longer contains
 */
public record JdbcPollSettings(String url, String username, String password, String table,
                               String query, boolean incremental, String timestampColumn,
                               String keyColumn, Duration overlap, int fetchSize,
                               int statementTimeoutSeconds, int retryPolls, boolean deletions) {

    public static final String TEMPLATE = "jdbc-poll";

    /** Reads the settings from parameters that passed the template's parameter schema. */
    public static JdbcPollSettings from(Map<String, String> parameters) {
        return new JdbcPollSettings(parameters.get("url"), parameters.get("username"),
                parameters.get("password"), parameters.get("table"), parameters.get("query"),
                !"snapshot".equals(parameters.getOrDefault("mode", "incremental")),
                parameters.get("timestampColumn"), parameters.get("keyColumn"),
                Duration.parse(parameters.getOrDefault("overlap", "PT5M")),
                Integer.parseInt(parameters.getOrDefault("fetchSize", "1000")),
                Integer.parseInt(parameters.getOrDefault("statementTimeoutSeconds", "300")),
                Integer.parseInt(parameters.getOrDefault("retryPolls", "5")),
                Boolean.parseBoolean(parameters.getOrDefault("deletions", "false")));
    }

    @Override
    public String toString() {
        return "JdbcPollSettings[url=" + url + ", table=" + table + ", incremental=" + incremental + "]";
    }
}
