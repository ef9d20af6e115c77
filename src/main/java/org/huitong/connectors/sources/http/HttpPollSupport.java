package org.huitong.connectors.sources.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.PollSchedule;
import org.huitong.connectors.SourceSupport;
import org.huitong.pipeline.BatchInput;
import org.springframework.stereotype.Component;

/**
 * The {@code http-poll} template: checks the address against the host policy and that the
 * authentication has its values, passes the schedule to the route, and reads a first page for
 * dry runs.
 */
@Component
public class HttpPollSupport implements SourceSupport {

    static final String TEMPLATE = "http-poll";

    private final HostPolicy policy;
    private final HttpPageSpooler spooler;

    public HttpPollSupport(HostPolicy policy, HttpPageSpooler spooler) {
        this.policy = policy;
        this.spooler = spooler;
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public List<DescriptorError> check(ConnectorDescriptor descriptor) {
        Map<String, String> parameters = descriptor.source().parameters();
        List<DescriptorError> errors = new ArrayList<>();
        String url = parameters.get("url");
        if (url != null) {
            try {
                policy.checkWithoutLookup(URI.create(url));
            } catch (IllegalArgumentException e) {
                errors.add(new DescriptorError("source.parameters.url", "invalid", "URI"));
            } catch (HttpSourceException e) {
                errors.add(new DescriptorError("source.parameters.url", "http-refused", e.reason().zh(), e.reason().en()));
            }
        }
        String authentication = parameters.getOrDefault("authentication", "none");
        if (authentication.equals("bearer") && !parameters.containsKey("token")) {
            errors.add(new DescriptorError("source.parameters.token", "required"));
        }
        if (authentication.equals("basic")) {
            for (String name : List.of("username", "password")) {
                if (!parameters.containsKey(name)) {
                    errors.add(new DescriptorError("source.parameters." + name, "required"));
                }
            }
        }
        return errors;
    }

    @Override
    public Map<String, Object> routeParameters(ConnectorDescriptor descriptor, Map<String, String> parameters) {
        return new LinkedHashMap<>(PollSchedule.routeParameters(descriptor));
    }

    @Override
    public Optional<BatchInput> firstPage(ConnectorDescriptor descriptor, Map<String, String> parameters)
            throws IOException {
        Path file = Files.createTempFile("huitong-http-first-page-", ".jsonl");
        file.toFile().deleteOnExit();
        spooler.spool(HttpPollSettings.of(parameters), file, 1);
        return Optional.of(new JsonLinesInput(file, "first page"));
    }
}
