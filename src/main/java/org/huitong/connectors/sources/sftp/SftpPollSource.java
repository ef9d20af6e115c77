package org.huitong.connectors.sources.sftp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.FileDropSource;
import org.huitong.connectors.PollSchedule;
import org.huitong.security.SecretCipher;

/**
 * The {@code sftp-poll} source template: its parameters, declared with their defaults in
 * {@code routes/sftp-poll.parameters.json}, checked and turned into route parameters. Files are
 * read with the same options as {@code file-drop} ({@link FileDropSource#readOptions}).
 */
public final class SftpPollSource {

    public static final String TEMPLATE = "sftp-poll";

    private static final String PARAMETERS = "source.parameters.";

    /** The value the API shows and accepts in place of a stored secret. */
    private static final String SECRET_MASK = "********";

    private SftpPollSource() {
    }

    /**
     * Checks what the parameter schema cannot express; returns one error per fault, naming its
     * path.
     */
    public static List<DescriptorError> check(Map<String, String> parameters) {
        List<DescriptorError> errors = new ArrayList<>(FileDropSource.check(parameters));
        if (!parameters.containsKey("password") && !parameters.containsKey("privateKey")) {
            errors.add(new DescriptorError(PARAMETERS + "password", "sftp-credentials-missing"));
        }
        if (parameters.containsKey("privateKeyPassphrase") && !parameters.containsKey("privateKey")) {
            errors.add(new DescriptorError(PARAMETERS + "privateKeyPassphrase",
                    "sftp-passphrase-without-key"));
        }
        String privateKey = parameters.get("privateKey");
        if (privateKey != null && isLiteral(privateKey) && !privateKey.contains("-----BEGIN ")) {
            errors.add(new DescriptorError(PARAMETERS + "privateKey", "sftp-private-key"));
        }
        errors.addAll(folderErrors(parameters));
        String knownHosts = parameters.get("knownHosts");
        if (knownHosts != null) {
            errors.addAll(knownHostsErrors(knownHosts, parameters.get("host"), port(parameters)));
        }
        return errors;
    }

    /**
     * Tells whether a secret parameter contains its plain value, not the API's mask, an encrypted
     * stored value or an environment placeholder resolved when the route is built.
     */
    private static boolean isLiteral(String secret) {
        return !secret.equals(SECRET_MASK) && !SecretCipher.isEncrypted(secret) && !secret.startsWith("${env:");
    }

    private static int port(Map<String, String> parameters) {
        try {
            return Integer.parseInt(parameters.getOrDefault("port", "22"));
        } catch (NumberFormatException e) {
            return 22;
        }
    }

    private static List<DescriptorError> folderErrors(Map<String, String> parameters) {
        List<DescriptorError> errors = new ArrayList<>();
        for (String name : List.of("directory", "archiveFolder", "rejectedFolder")) {
            String folder = parameters.get(name);
            if (folder != null && List.of(folder.split("/")).contains("..")) {
                errors.add(new DescriptorError(PARAMETERS + name, "sftp-folder-parent", folder));
            }
        }
        String archive = parameters.getOrDefault("archiveFolder", ".done");
        if (archive.equals(parameters.getOrDefault("rejectedFolder", ".rejected"))) {
            errors.add(new DescriptorError(PARAMETERS + "rejectedFolder", "sftp-folders-same", archive));
        }
        return errors;
    }

    private static List<DescriptorError> knownHostsErrors(String text, String host, int port) {
        String path = PARAMETERS + "knownHosts";
        KnownHosts knownHosts = KnownHosts.parse(text);
        List<DescriptorError> errors = new ArrayList<>();
        for (KnownHosts.Fault fault : knownHosts.faults()) {
            errors.add(new DescriptorError(path, fault.kind(), String.valueOf(fault.line())));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (knownHosts.entries().isEmpty()) {
            errors.add(new DescriptorError(path, "known-hosts-empty"));
        } else if (host != null && !knownHosts.names(host, port)) {
            errors.add(new DescriptorError(path, "known-hosts-host",
                    port == 22 ? host : "[" + host + "]:" + port));
        }
        return errors;
    }

    /**
     * Route template parameters for the connector.
     *
     * @param workDirectory local folder the connector's files are downloaded to
     * @param parameters the descriptor's parameters with the template's defaults filled in and
     *     secrets resolved; the result contains the password too, so it must not be logged. The
     *     private key is left out: the caller binds it in the Camel registry and sets
     *     {@code privateKey} to a reference to it
     */
    public static Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Path workDirectory,
                                                      Map<String, String> parameters) {
        Map<String, Object> route = new LinkedHashMap<>(PollSchedule.routeParameters(descriptor));
        route.put("host", parameters.get("host"));
        route.put("port", parameters.get("port"));
        route.put("directory", parameters.getOrDefault("directory", ""));
        route.put("username", parameters.get("username"));
        putIfSet(route, "password", parameters.get("password"));
        putIfSet(route, "privateKeyPassphrase", parameters.get("privateKeyPassphrase"));
        route.put("knownHosts", parameters.get("knownHosts"));
        route.put("localWorkDirectory", workDirectory.toAbsolutePath().toString());
        route.put("archiveFolder", parameters.get("archiveFolder"));
        route.put("rejectedFolder", parameters.get("rejectedFolder"));
        route.put("connectTimeout", parameters.get("connectTimeoutMs"));
        route.put("readLockMinAge", parameters.get("readLockMinAgeMs"));
        route.put("backoffMultiplier", parameters.get("retryPolls"));
        if ("true".equals(parameters.get("doneFile"))) {
            route.put("doneFileName", "${file:name}.done");
        }
        route.put("noop", String.valueOf(keepsFiles(parameters)));
        return route;
    }

    /** Returns whether the connector leaves files on the server ({@code afterRead: keep}). */
    public static boolean keepsFiles(Map<String, String> parameters) {
        return "keep".equals(parameters.get("afterRead"));
    }

    private static void putIfSet(Map<String, Object> route, String name, String value) {
        if (value != null) {
            route.put(name, value);
        }
    }
}
