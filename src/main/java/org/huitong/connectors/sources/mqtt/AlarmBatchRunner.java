package org.huitong.connectors.sources.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchOutcome;
import org.huitong.pipeline.BatchProcessor;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the stored messages of one {@code mqtt-alarm} connector through the pipeline as a batch.
 *
 * <p>Order of commits, so a crash loses nothing: the batch publishes and stores its records
 * first; then one transaction records the device sequences and deletes the messages. After a
 * crash between the two, the messages run again with the old sequences, and the pipeline counts
 * their records as unchanged instead of publishing them twice.
 */
@Component
public class AlarmBatchRunner {

    private static final Logger log = LoggerFactory.getLogger(AlarmBatchRunner.class);

    /**
     * When a connector's batch runs.
     *
     * @param window the longest the oldest stored message waits
     * @param maxMessages a batch runs at once with this many messages and contains no more
     */
    public record Settings(Duration window, int maxMessages) {
    }

    private final MqttAlarmInbox inbox;
    private final DeviceSequences sequences;
    private final BatchProcessor processor;
    private final SchemaRegistry schemas;
    private final TransactionTemplate transactions;

    public AlarmBatchRunner(MqttAlarmInbox inbox, DeviceSequences sequences, BatchProcessor processor,
                            SchemaRegistry schemas, TransactionTemplate transactions) {
        this.inbox = inbox;
        this.sequences = sequences;
        this.processor = processor;
        this.schemas = schemas;
        this.transactions = transactions;
    }

    /**
     * Runs a batch if the connector has stored messages and the oldest waited for the window or
     * enough messages are waiting.
     *
     * @return the batch outcome, or {@code null} if no batch was due or every message was a repeat
     * @throws org.huitong.pipeline.PipelineFailureException if the database or the broker
     *     failed; the messages stay stored
     */
    public BatchOutcome runDue(ConnectorDescriptor connector, Settings settings) {
        List<MqttAlarmInbox.Message> messages = inbox.oldest(connector.id(), settings.maxMessages());
        if (messages.isEmpty()) {
            return null;
        }
        boolean full = messages.size() >= settings.maxMessages();
        if (!full && messages.get(0).receivedAt().plus(settings.window()).isAfter(Instant.now())) {
            return null;
        }
        return run(connector, messages);
    }

    private BatchOutcome run(ConnectorDescriptor connector, List<MqttAlarmInbox.Message> messages) {
        RecordMapper mapper = new RecordMapper(
                schemas.spec(connector.target().recordType(), connector.target().version()), connector.mapping());
        List<AlarmMessage> parsed = messages.stream().map(m -> AlarmMessage.parse(m.payload(), mapper)).toList();
        Set<String> deviceIds = new LinkedHashSet<>();
        parsed.stream().filter(AlarmMessage::identified).forEach(m -> deviceIds.add(m.deviceId()));

        SequenceFilter filter = new SequenceFilter(sequences.load(connector.id(), deviceIds));
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        for (AlarmMessage message : parsed) {
            if (!message.identified() || filter.accept(message.deviceId(), message.sequence(), now)) {
                lines.add(message.line());
            }
        }

        BatchOutcome outcome = null;
        if (!lines.isEmpty()) {
            String name = "mqtt " + messages.get(0).receivedAt() + " (" + lines.size() + " messages)";
            outcome = processor.process(connector, new AlarmMessagesInput(name, lines));
        }
        transactions.executeWithoutResult(status -> {
            sequences.save(connector.id(), filter.changedDevices());
            inbox.delete(messages.stream().map(MqttAlarmInbox.Message::id).toList());
        });
        report(connector.id(), filter);
        return outcome;
    }

    private static void report(String connectorId, SequenceFilter filter) {
        if (filter.duplicates() > 0) {
            log.info("Connector {}: dropped {} repeated alarm messages (same device and sequence number)",
                    connectorId, filter.duplicates());
        }
        for (String gap : filter.newGaps()) {
            log.warn("Connector {}: device sequence gap, messages never received: {}", connectorId, gap);
        }
    }
}
