package org.huitong.connectors;

import java.util.List;
import org.huitong.i18n.LocalizedText;
import org.huitong.i18n.Messages;

/**
 * One fault of a connector descriptor.
 *
 * @param path the path of the faulty field, for example {@code source.parameters.charset};
 *     empty when the fault concerns the whole descriptor
 * @param kind the message kind; the message key is {@code descriptor.} followed by it
 * @param details values the message shows after the path
 */
public record DescriptorError(String path, String kind, List<String> details) {

    public DescriptorError(String path, String kind, String... details) {
        this(path, kind, java.util.Arrays.stream(details).map(d -> d == null ? "" : d).toList());
    }

    /**
     * Renders the error in Chinese and English. The path is always the first argument; an empty
     * path is shown as the word for the whole descriptor in each language.
     */
    public LocalizedText render(Messages messages) {
        Object[] args = new Object[details.size() + 1];
        for (int i = 0; i < details.size(); i++) {
            args[i + 1] = details.get(i);
        }
        String key = "descriptor." + kind;
        if (!path.isEmpty()) {
            args[0] = path;
            return messages.text(key, args);
        }
        LocalizedText root = messages.text("descriptor.root");
        args[0] = root.zh();
        String zh = messages.text(key, args).zh();
        args[0] = root.en();
        return new LocalizedText(zh, messages.text(key, args).en());
    }
}
