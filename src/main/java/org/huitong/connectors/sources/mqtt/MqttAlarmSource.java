package org.huitong.connectors.sources.mqtt;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huitong.connectors.DescriptorError;

/**
 * The {@code mqtt-alarm} source template: its parameters, declared with their defaults in
 * {@code routes/mqtt-alarm.parameters.json}, checked and turned into route parameters.
 */
public final class MqttAlarmSource {

    public static final String TEMPLATE = "mqtt-alarm";

    private MqttAlarmSource() {
    }

    /** Checks what the parameter schema cannot express; returns one error per bad parameter. */
    public static List<DescriptorError> check(Map<String, String> parameters) {
        List<DescriptorError> errors = new ArrayList<>();
        String brokerUrl = parameters.get("brokerUrl");
        if (brokerUrl != null) {
            String problem = brokerUrlProblem(brokerUrl);
            if (problem != null) {
                errors.add(new DescriptorError("source.parameters.brokerUrl", "mqtt-broker-url-" + problem,
                        brokerUrl));
            }
        }
        String topic = parameters.get("topic");
        if (topic != null && !validTopicFilter(topic)) {
            errors.add(new DescriptorError("source.parameters.topic", "mqtt-topic-filter", topic));
        }
        if (parameters.containsKey("password") && !parameters.containsKey("username")) {
            errors.add(new DescriptorError("source.parameters.password", "mqtt-password-without-username"));
        }
        return errors;
    }

    /**
     * Returns why the broker URL cannot be used, as a message key suffix, or {@code null}. The
     * host of a URL is resolved only if it is an IP literal, so checking needs no DNS.
     */
    static String brokerUrlProblem(String brokerUrl) {
        URI uri;
        try {
            uri = new URI(brokerUrl);
        } catch (URISyntaxException e) {
            return "syntax";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            return "scheme";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null
                || (uri.getPath() != null && !uri.getPath().isEmpty())
                || uri.getQuery() != null || uri.getFragment() != null) {
            return "syntax";
        }
        if (isLinkLocal(uri.getHost())) {
            return "link-local";
        }
        return null;
    }

    private static boolean isLinkLocal(String host) {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:.%a-zA-Z]*:[0-9A-Fa-f:.%a-zA-Z]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Tells whether {@code topic} is an MQTT 3.1.1 topic filter: levels separated by {@code /},
     * {@code +} only as a whole level, {@code #} only as the whole last level, no NUL character.
     */
    static boolean validTopicFilter(String topic) {
        if (topic.isEmpty() || topic.indexOf('\u0000') >= 0) {
            return false;
        }
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Route template parameters for the connector.
     *
     * @param parameters the descriptor's parameters with defaults filled in and secrets
     *     resolved; the username and password are passed on as raw URI values and never logged
     */
    public static Map<String, Object> routeParameters(String connectorId, Map<String, String> parameters) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("brokerUrl", parameters.get("brokerUrl"));
        route.put("topic", parameters.get("topic"));
        route.put("clientId", parameters.getOrDefault("clientId", "huitong-" + connectorId));
        route.put("keepAliveInterval", parameters.get("keepAliveSeconds"));
        route.put("maxReconnectDelay", parameters.get("maxReconnectDelayMs"));
        route.put("maxPayloadBytes", parameters.get("maxPayloadBytes"));
        if (parameters.containsKey("username")) {
            route.put("userName", raw(parameters.get("username"), "username"));
        }
        if (parameters.containsKey("password")) {
            route.put("password", raw(parameters.get("password"), "password"));
        }
        return route;
    }

    /** Wraps a value so Camel passes it to the endpoint unchanged, whatever characters it has. */
    private static String raw(String value, String name) {
        if (!value.contains(")")) {
            return "RAW(" + value + ")";
        }
        if (!value.contains("}")) {
            return "RAW{" + value + "}";
        }
        throw new IllegalArgumentException("The MQTT " + name
                + " contains both ')' and '}', which cannot be passed to the MQTT client; choose one without both");
    }
}
