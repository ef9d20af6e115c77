package org.huitong.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.huitong.web.ConflictException;
import org.huitong.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every connector registered with the hub, from descriptor files and from the API. Files are read at
 * start-up and again every {@code huitong.connectors.reload-interval}; a changed, added or
 * removed file takes effect without a restart. When a file and the API define the same id, the
 * file wins (see {@link ConnectorOrigin}).
 *
 * <p>Each change is published as a {@link ConnectorChanged} event after it is stored, so the
 * connector's route is rebuilt. Changes are serialised: one at a time, in the calling thread.
 */
@Component
public class ConnectorRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    /** How long a descriptor file must stay unchanged before a reload applies it. */
    static final java.time.Duration SETTLE_TIME = java.time.Duration.ofSeconds(1);

    /** Actor named for changes the hub makes by itself, such as reloading a changed file. */
    public static final String SYSTEM = "system";

    private final DescriptorFiles files;
    private final DescriptorReader reader;
    private final JdbcConnectorDefinitions definitions;
    private final ConnectorDepartments departments;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<String, ConnectorEntry> entries = Map.of();

    public ConnectorRegistry(ConnectorProperties properties, DescriptorReader reader,
                             JdbcConnectorDefinitions definitions, ConnectorDepartments departments,
                             ApplicationEventPublisher events) {
        this.files = new DescriptorFiles(properties.descriptorDir(), reader);
        this.reader = reader;
        this.definitions = definitions;
        this.departments = departments;
        this.events = events;
    }

    @PostConstruct
    synchronized void load() {
        entries = readAll();
        entries.values().forEach(ConnectorRegistry::logLoaded);
        entries.values().forEach(this::recordDepartment);
    }

    public Collection<ConnectorEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<ConnectorEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Returns the descriptor of a valid connector. */
    public Optional<ConnectorDescriptor> find(String id) {
        ConnectorEntry entry = entries.get(id);
        return entry == null || !entry.valid() ? Optional.empty() : Optional.of(entry.descriptor());
    }

    /**
     * Reads the descriptor files again and applies what changed. A file modified less than
     * {@link #SETTLE_TIME} ago is left for the next reload, so an editor that writes a file in
     * several steps does not make the connector briefly invalid and rebuild its route twice.
     */
    @Scheduled(initialDelayString = "${huitong.connectors.reload-interval:PT5S}",
            fixedDelayString = "${huitong.connectors.reload-interval:PT5S}")
    public synchronized void reload() {
        Map<String, ConnectorEntry> previous = entries;
        Map<String, ConnectorEntry> current = readAll();
        for (Map.Entry<String, ConnectorEntry> entry : new LinkedHashMap<>(current).entrySet()) {
            if (recentlyModified(entry.getValue())) {
                ConnectorEntry kept = previous.get(entry.getKey());
                if (kept == null) {
                    current.remove(entry.getKey());
                } else {
                    current.put(entry.getKey(), kept);
                }
            }
        }
        entries = current;
        Set<String> ids = new HashSet<>(previous.keySet());
        ids.addAll(current.keySet());
        for (String id : ids) {
            ConnectorEntry before = previous.get(id);
            ConnectorEntry after = current.get(id);
            if (changed(before, after)) {
                if (after != null) {
                    logLoaded(after);
                    recordDepartment(after);
                } else {
                    log.info("Connector {} was removed from {}", id, before.location());
                }
                events.publishEvent(new ConnectorChanged(before, after, SYSTEM));
            }
        }
    }

    /**
     * Stores a new connector created through the API.
     *
     * @param stored the checked descriptor with its secrets already encrypted
     * @throws ConflictException if the id is taken
     */
    public synchronized ConnectorEntry create(ConnectorDescriptor stored, String actor) {
        ConnectorEntry existing = entries.get(stored.id());
        if (existing != null && existing.origin() == ConnectorOrigin.FILE) {
            throw new ConflictException("connector.file-managed", stored.id(), existing.location());
        }
        if (existing != null) {
            throw new ConflictException("connector.exists", stored.id(), existing.location());
        }
        definitions.insert(stored.id(), stored.department().code(), toJson(stored), actor);
        return apply(stored.id(), actor);
    }

    /**
     * Replaces the descriptor of a connector created through the API.
     *
     * @param revision the revision the caller last read; the update fails if it changed since
     * @throws ConflictException if the connector comes from a file or changed meanwhile
     */
    public synchronized ConnectorEntry update(ConnectorDescriptor stored, long revision, String actor) {
        ConnectorEntry existing = requireApiOrigin(stored.id());
        if (!definitions.update(stored.id(), revision, stored.department().code(), toJson(stored), actor)) {
            throw new ConflictException("connector.revision-changed", stored.id(), revision, existing.revision());
        }
        return apply(stored.id(), actor);
    }

    /** Deletes a connector created through the API; its batches and quarantine stay. */
    public synchronized void delete(String id, String actor) {
        requireApiOrigin(id);
        definitions.delete(id);
        apply(id, actor);
    }

    /** Returns the stored descriptor of an API connector, secrets still encrypted. */
    public Optional<ConnectorDescriptor> storedDescriptor(String id) {
        return definitions.find(id).map(this::check).filter(ConnectorEntry::valid)
                .map(ConnectorEntry::descriptor);
    }

    private ConnectorEntry requireApiOrigin(String id) {
        ConnectorEntry existing = entries.get(id);
        if (existing == null) {
            throw new NotFoundException("connector.not-found", id);
        }
        if (existing.origin() == ConnectorOrigin.FILE) {
            throw new ConflictException("connector.file-managed", id, existing.location());
        }
        return existing;
    }

    /** Re-reads one connector from the database after an API change and publishes it. */
    private ConnectorEntry apply(String id, String actor) {
        ConnectorEntry before = entries.get(id);
        ConnectorEntry after = definitions.find(id).map(this::check).orElse(null);
        Map<String, ConnectorEntry> updated = new LinkedHashMap<>(entries);
        if (after == null) {
            updated.remove(id);
        } else {
            updated.put(id, after);
            recordDepartment(after);
        }
        entries = updated;
        events.publishEvent(new ConnectorChanged(before, after, actor));
        return after;
    }

    private Map<String, ConnectorEntry> readAll() {
        Map<String, ConnectorEntry> all = new LinkedHashMap<>(files.read());
        for (StoredDefinition definition : definitions.all()) {
            ConnectorEntry fromFile = all.get(definition.id());
            if (fromFile != null) {
                all.put(definition.id(), fromFile.overridingApi());
                log.warn("Connector {} is defined in {} and through the API; the file wins",
                        definition.id(), fromFile.location());
            } else {
                all.put(definition.id(), check(definition));
            }
        }
        return all;
    }

    private ConnectorEntry check(StoredDefinition definition) {
        DescriptorCheck check;
        try {
            check = reader.check((ObjectNode) json.readTree(definition.descriptorJson()));
        } catch (JsonProcessingException | ClassCastException e) {
            check = DescriptorCheck.failed(definition.id(), new DescriptorError("", "unreadable", "?",
                    e.getMessage()));
        }
        return new ConnectorEntry(definition.id(), ConnectorOrigin.API, "database",
                definition.departmentCode(), check.descriptor(), check.errors(), definition.revision(),
                DescriptorFiles.sha256(definition.descriptorJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                false);
    }

    private String toJson(ConnectorDescriptor descriptor) {
        return reader.toTree(descriptor).toString();
    }

    private static boolean recentlyModified(ConnectorEntry entry) {
        if (entry.origin() != ConnectorOrigin.FILE) {
            return false;
        }
        try {
            java.time.Instant modified = java.nio.file.Files.getLastModifiedTime(java.nio.file.Path.of(entry.location()))
                    .toInstant();
            return modified.isAfter(java.time.Instant.now().minus(SETTLE_TIME));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void recordDepartment(ConnectorEntry entry) {
        if (entry.departmentCode() != null && !entry.id().contains("@")) {
            departments.record(entry.id(), entry.departmentCode());
        }
    }

    private static boolean changed(ConnectorEntry before, ConnectorEntry after) {
        if (before == null || after == null) {
            return before != after;
        }
        return !Objects.equals(before.fingerprint(), after.fingerprint())
                || before.origin() != after.origin()
                || before.overridesApi() != after.overridesApi()
                || !before.errors().equals(after.errors());
    }

    private static void logLoaded(ConnectorEntry entry) {
        if (entry.valid()) {
            log.info("Loaded connector {} from {}", entry.id(), entry.location());
        } else {
            log.warn("Connector {} from {} is invalid and gets no route: {}", entry.id(),
                    entry.location(), entry.errors().stream().map(DescriptorError::kind).toList());
        }
    }
}
