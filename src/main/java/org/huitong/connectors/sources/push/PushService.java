package org.huitong.connectors.sources.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.huitong.batches.BatchStatus;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.pipeline.BatchOutcome;
import org.huitong.pipeline.PipelineFailureException;
import org.huitong.quarantine.QuarantineRepository;
import org.huitong.quarantine.QuarantinedRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Processes one push, in this order: connector, authentication (a bearer token before the body
 * is read), media type, declared size, connector state, body, signature, record count,
 * Idempotency-Key, and then the batch through the connector's route.
 */
@Service
class PushService {

    /** Request header naming a key under which the hub stores the push's response for retries. */
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** Seconds a client should wait before retrying after a database or broker failure. */
    static final int RETRY_AFTER_FAILURE_SECONDS = 30;

    private static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,255}$";

    /**
     * The outcome of a processed push.
     *
     * @param replayed {@code true} when the stored outcome of an earlier push with the same key is returned
     */
    record Accepted(String connectorId, int httpStatus, PushResult result, String idempotencyKey,
                    boolean replayed) {
    }

    private final PushGate gate;
    private final PushIdempotencyStore idempotency;
    private final ProducerTemplate producer;
    private final QuarantineRepository quarantine;
    private final ObjectMapper json;

    PushService(PushGate gate, PushIdempotencyStore idempotency, ProducerTemplate producer,
                QuarantineRepository quarantine, ObjectMapper json) {
        this.gate = gate;
        this.idempotency = idempotency;
        this.producer = producer;
        this.quarantine = quarantine;
        this.json = json;
    }

    /** Returns the push connector with this id, or throws the refusal for a caller that may not know it. */
    ConnectorDescriptor connector(String connectorId) {
        return gate.pushConnector(connectorId);
    }

    /** Authenticates, checks and processes the push of a connector found by {@link #connector}. */
    Accepted push(ConnectorDescriptor connector, HttpServletRequest request) {
        String id = connector.id();
        PushSettings settings = gate.settings(connector);
        PushAuthenticator.SignedRequest signed = null;
        if (settings.usesHmac()) {
            signed = PushAuthenticator.readSignature(settings, request, Instant.now());
        } else {
            PushAuthenticator.verifyToken(settings, request);
        }
        boolean jsonLines = PushBody.isJsonLines(request.getContentType());
        PushBody.rejectDeclaredLength(request.getContentLengthLong(), settings.maxBodyBytes());
        String key = idempotencyKey(request);
        gate.requireStarted(id);

        PushBody body = PushBody.read(request, jsonLines, settings.maxBodyBytes());
        if (signed != null) {
            PushAuthenticator.verifySignature(settings, id, signed, body.bytes());
        }
        body.rejectTooManyRecords(settings.maxRecords());
        return key == null ? process(id, body, null) : processOnce(id, body, key);
    }

    private Accepted processOnce(String id, PushBody body, String key) {
        PushIdempotencyStore.Claim claim = idempotency.claim(id, key, body.sha256());
        if (claim instanceof PushIdempotencyStore.Replay replay) {
            return new Accepted(id, replay.httpStatus(), fromJson(replay.response()), key, true);
        }
        if (claim instanceof PushIdempotencyStore.Mismatch) {
            throw new PushRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "push.idempotency-key-reused", key);
        }
        if (claim instanceof PushIdempotencyStore.InProgress) {
            throw new PushRejectedException(HttpStatus.CONFLICT, "push.idempotency-key-in-progress", key)
                    .retryAfter(RETRY_AFTER_FAILURE_SECONDS);
        }
        boolean completed = false;
        try {
            Accepted accepted = process(id, body, key);
            idempotency.complete(id, key, accepted.httpStatus(), toJson(accepted.result()));
            completed = true;
            return accepted;
        } finally {
            if (!completed) {
                idempotency.release(id, key);
            }
        }
    }

    private Accepted process(String id, PushBody body, String key) {
        String name = "push " + (key != null ? key : Instant.now().toString());
        BatchOutcome outcome = send(id, new PushBatchInput(name, body));
        // A body that cannot be read to its end adds a quarantine entry that no record count includes.
        boolean anyRejected = outcome.quarantined() > 0 || outcome.status() != BatchStatus.COMPLETED;
        List<QuarantinedRecord> rejected = anyRejected
                ? quarantine.find(id, outcome.batchId(), 0, PushResult.MAX_LISTED + 1) : List.of();
        PushResult result = PushResult.of(id, outcome, rejected);
        return new Accepted(id, result.httpStatus(), result, key, false);
    }

    private BatchOutcome send(String id, PushBatchInput input) {
        Exchange exchange = producer.send("direct:push-" + id + "?block=false",
                ex -> ex.getMessage().setBody(input));
        Exception failure = exchange.getException();
        if (failure == null) {
            return exchange.getMessage().getBody(BatchOutcome.class);
        }
        if (failure instanceof DirectConsumerNotAvailableException) {
            throw PushGate.paused(id);
        }
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PipelineFailureException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            throw new PushRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "push.pipeline-failed", id)
                    .retryAfter(RETRY_AFTER_FAILURE_SECONDS);
        }
        throw new IllegalStateException("Push to connector " + id + " failed", failure);
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key != null && !key.matches(KEY_PATTERN)) {
            throw new PushRejectedException(HttpStatus.BAD_REQUEST, "push.idempotency-key-invalid",
                    IDEMPOTENCY_KEY_HEADER);
        }
        return key;
    }

    private String toJson(PushResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the result of a push", e);
        }
    }

    private PushResult fromJson(String stored) {
        try {
            return json.readValue(stored, PushResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored result of a push", e);
        }
    }
}
