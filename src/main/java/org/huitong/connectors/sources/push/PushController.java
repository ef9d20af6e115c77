package org.huitong.connectors.sources.push;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.huitong.audit.AuditLog;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ingest/{connector}}: records pushed by a department's system. The request is
 * authenticated with the connector's own secret, not with user credentials, so
 * {@code /ingest/**} is outside the API's authentication filters. Every refusal of a push to an
 * existing push connector is written to the audit log.
 */
@RestController
@Tag(name = "ingest")
public class PushController {

    /** Response header set to {@code true} on the stored response of an earlier push. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final PushService service;
    private final AuditLog audit;
    private final Messages messages;

    public PushController(PushService service, AuditLog audit, Messages messages) {
        this.service = service;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping(path = "/ingest/{connector}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push records to a connector / 向接入器推送数据")
    public ResponseEntity<PushResponse> push(@PathVariable("connector") String connectorId,
                                             HttpServletRequest request, Locale locale) {
        ConnectorDescriptor connector = service.connector(connectorId);
        PushService.Accepted accepted;
        try {
            accepted = service.push(connector, request);
        } catch (PushRejectedException e) {
            auditRefusal(connector, e);
            throw e;
        }
        return ResponseEntity.status(accepted.httpStatus())
                .header(REPLAYED_HEADER, String.valueOf(accepted.replayed()))
                .body(accepted.result().render(locale, accepted.idempotencyKey(), accepted.replayed()));
    }

    private void auditRefusal(ConnectorDescriptor connector, PushRejectedException e) {
        String action = e.status() == HttpStatus.UNAUTHORIZED ? "PUSH_AUTHENTICATION_FAILED" : "PUSH_REJECTED";
        String reason = e.status().value() + " " + messages.text(e.messageKey(), e.args()).en();
        audit.recordFailure(action, "connector", connector.id(), connector.department().code(), AuditLog.FAILURE,
                reason);
    }
}
