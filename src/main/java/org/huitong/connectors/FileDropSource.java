package org.huitong.connectors;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.read.ReadOptions;

/**
 * The {@code file-drop} source template: its parameters, declared with their defaults in
 * {@code routes/file-drop.parameters.json}, turned into reading options and route parameters.
 */
public final class FileDropSource {

    public static final String TEMPLATE = "file-drop";

    private FileDropSource() {
    }

    /**
     * Checks what the parameter schema cannot express; returns one error per bad parameter,
     * naming its path.
     */
    public static List<DescriptorError> check(Map<String, String> parameters) {
        List<DescriptorError> errors = new ArrayList<>();
        String charset = parameters.get("charset");
        if (charset != null && !isSupported(charset)) {
            errors.add(new DescriptorError("source.parameters.charset", "charset", charset));
        }
        if (parameters.containsKey("sheet") && parameters.containsKey("format")
                && !"xlsx".equals(parameters.get("format"))) {
            errors.add(new DescriptorError("source.parameters.sheet", "sheet-without-xlsx",
                    parameters.get("format")));
        }
        return errors;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reading options for the connector's files. */
    public static ReadOptions readOptions(Map<String, String> parameters) {
        String charset = parameters.get("charset");
        String delimiter = parameters.getOrDefault("delimiter", ",");
        return new ReadOptions(parameters.get("format"),
                charset == null ? null : Charset.forName(charset),
                parameters.get("sheet"), delimiter.charAt(0), ReadOptions.DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * Route template parameters for the connector.
     *
     * @param parameters the descriptor's parameters with the template's defaults filled in
     */
    public static Map<String, Object> routeParameters(Path inbox, Map<String, String> parameters) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("directory", inbox.toAbsolutePath().toString());
        route.put("delay", parameters.get("pollDelayMs"));
        route.put("readLockMinAge", parameters.get("readLockMinAgeMs"));
        route.put("backoffMultiplier", parameters.get("retryPolls"));
        if ("true".equals(parameters.get("doneFile"))) {
            route.put("doneFileName", "${file:name}.done");
        }
        return route;
    }
}
