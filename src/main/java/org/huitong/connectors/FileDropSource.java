package org.huitong.connectors;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huitong.pipeline.read.ReadOptions;

/**
 * Parameters of the {@code file-drop} source template, as given in a connector descriptor's
 * {@code source.parameters}.
 *
 * <ul>
 *   <li>{@code format}: {@code csv}, {@code xlsx} or {@code json}; default by file extension
 *   <li>{@code charset}: for CSV and JSON, for example {@code GB18030}; default detected
 *   <li>{@code sheet}: XLSX sheet name; default the first sheet
 *   <li>{@code delimiter}: CSV delimiter, one character; default {@code ,}
 *   <li>{@code doneFile}: {@code true} to read a file only once {@code <name>.done} exists
 *   <li>{@code pollDelayMs}: milliseconds between polls; default 2000
 *   <li>{@code readLockMinAgeMs}: milliseconds a file must stay unchanged; default 1000
 * </ul>
 */
public final class FileDropSource {

    public static final String TEMPLATE = "file-drop";

    static final Set<String> PARAMETERS = Set.of(
            "format", "charset", "sheet", "delimiter", "doneFile", "pollDelayMs", "readLockMinAgeMs");

    private FileDropSource() {
    }

    /** Checks the parameters; returns one error per bad parameter, naming its path. */
    public static List<DescriptorError> check(Map<String, String> parameters) {
        List<DescriptorError> errors = new java.util.ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String path = "source.parameters." + parameter.getKey();
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "format" -> {
                    if (!Set.of("csv", "xlsx", "json").contains(value)) {
                        errors.add(new DescriptorError(path, "format", value));
                    }
                }
                case "charset" -> {
                    if (value == null || !Charset.isSupported(value)) {
                        errors.add(new DescriptorError(path, "charset", value));
                    }
                }
                case "delimiter" -> {
                    if (value == null || value.length() != 1) {
                        errors.add(new DescriptorError(path, "delimiter", value));
                    }
                }
                case "doneFile" -> {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        errors.add(new DescriptorError(path, "boolean", value));
                    }
                }
                case "pollDelayMs", "readLockMinAgeMs" -> {
                    if (value == null || !value.matches("^[0-9]{1,7}$")) {
                        errors.add(new DescriptorError(path, "milliseconds", value));
                    }
                }
                case "sheet" -> {
                    if (value == null || value.isBlank()) {
                        errors.add(new DescriptorError(path, "required"));
                    }
                }
                default -> errors.add(new DescriptorError(path, "parameter-unknown",
                        String.join(", ", new java.util.TreeSet<>(PARAMETERS))));
            }
        }
        return errors;
    }

    /** Reading options for the connector's files. */
    public static ReadOptions readOptions(Map<String, String> parameters) {
        String charset = parameters.get("charset");
        String delimiter = parameters.getOrDefault("delimiter", ",");
        return new ReadOptions(parameters.get("format"),
                charset == null ? null : Charset.forName(charset),
                parameters.get("sheet"), delimiter.charAt(0), ReadOptions.DEFAULT_MAX_RECORD_CHARS);
    }

    /** Route template parameters for the connector. */
    public static Map<String, Object> routeParameters(String connectorId, Path inbox,
                                                      Map<String, String> parameters) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("connectorId", connectorId);
        route.put("directory", inbox.toAbsolutePath().toString());
        route.put("delay", parameters.getOrDefault("pollDelayMs", "2000"));
        route.put("readLockMinAge", parameters.getOrDefault("readLockMinAgeMs", "1000"));
        if ("true".equals(parameters.get("doneFile"))) {
            route.put("doneFileName", "${file:name}.done");
        }
        return route;
    }
}
