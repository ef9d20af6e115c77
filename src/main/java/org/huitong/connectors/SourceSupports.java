package org.huitong.connectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The {@link SourceSupport} beans, by template name. */
@Component
public class SourceSupports {

    private final Map<String, SourceSupport> byTemplate;

    public SourceSupports(List<SourceSupport> supports) {
        this.byTemplate = supports.stream().collect(Collectors.toMap(SourceSupport::template, Function.identity()));
    }

    /** Returns every support, for notices that concern all templates. */
    public Collection<SourceSupport> all() {
        return byTemplate.values();
    }

    public Optional<SourceSupport> find(String template) {
        return Optional.ofNullable(byTemplate.get(template));
    }
}
