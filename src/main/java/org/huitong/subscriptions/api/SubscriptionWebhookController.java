package org.huitong.subscriptions.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.huitong.security.CurrentUser;
import org.huitong.subscriptions.delivery.webhook.DeadLetterPage;
import org.huitong.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subscription's webhook and the records it did not accept. */
@RestController
@RequestMapping("/api/subscriptions/{id}")
@Tag(name = "subscriptions", description = "Subscriptions and approvals / 订阅与审批")
public class SubscriptionWebhookController {

    private final SubscriptionWebhookService webhooks;
    private final CurrentUser currentUser;

    public SubscriptionWebhookController(SubscriptionWebhookService webhooks, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
    }

    @PutMapping("/webhook")
    @Operation(summary = "Set or replace the webhook; returns the new signing secret once / "
            + "设置或替换 Webhook；仅此一次返回新的签名密钥")
    public SubscriptionRequests.WebhookCreated set(@PathVariable("id") String id,
                                                   @Valid @RequestBody SubscriptionRequests.WebhookRequest request) {
        return webhooks.set(id, request, currentUser.get());
    }

    @DeleteMapping("/webhook")
    @Operation(summary = "Remove the webhook; pushing stops at once / 删除 Webhook，立即停止推送")
    public ResponseEntity<Void> remove(@PathVariable("id") String id) {
        webhooks.remove(id, currentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Records the webhook did not accept, oldest first / Webhook 未接收的记录（从最早开始）")
    public DeadLetterPage deadLetters(@PathVariable("id") String id,
                                      @RequestParam(name = "offset", defaultValue = "0") int offset,
                                      @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return webhooks.deadLetters(id, new PageRequest(offset, limit), currentUser.get());
    }

    @PostMapping("/dead-letters/replay")
    @Operation(summary = "Put dead letters back in the feed queue, all or the listed ids / "
            + "将全部或指定的死信放回订阅队列重新推送")
    public Map<String, Integer> replay(@PathVariable("id") String id,
                                       @Valid @RequestBody(required = false) SubscriptionRequests.DeadLetterIds ids) {
        return Map.of("replayed", webhooks.replay(id, ids == null ? null : ids.ids(), currentUser.get()));
    }

    @DeleteMapping("/dead-letters")
    @Operation(summary = "Discard dead letters, all or the listed ids / 丢弃全部或指定的死信")
    public Map<String, Integer> discard(@PathVariable("id") String id,
                                        @Valid @RequestBody(required = false) SubscriptionRequests.DeadLetterIds ids) {
        return Map.of("discarded", webhooks.discard(id, ids == null ? null : ids.ids(), currentUser.get()));
    }
}
