package org.huitong.subscriptions.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.huitong.security.CurrentUser;
import org.huitong.subscriptions.StoredSubscription;
import org.huitong.subscriptions.SubscriptionStatus;
import org.huitong.subscriptions.delivery.DeliveryStats;
import org.huitong.subscriptions.delivery.SubscriptionDelivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions to record types and their approval flow. */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "subscriptions", description = "Subscriptions and approvals / 订阅与审批")
public class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final CurrentUser currentUser;
    private final ObjectProvider<SubscriptionDelivery> delivery;

    public SubscriptionController(SubscriptionService subscriptions, CurrentUser currentUser,
                                  ObjectProvider<SubscriptionDelivery> delivery) {
        this.subscriptions = subscriptions;
        this.currentUser = currentUser;
        this.delivery = delivery;
    }

    @GetMapping
    @Operation(summary = "List the subscriptions the caller may see / 列出可见的订阅")
    public List<SubscriptionView> list(
            @RequestParam(name = "status", required = false) SubscriptionStatus status,
            @RequestParam(name = "recordType", required = false) String recordType) {
        return subscriptions.list(currentUser.get(), status, recordType).stream().map(SubscriptionView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Request a subscription; open data is granted at once, conditional data waits for "
            + "approval / 申请订阅；无条件共享数据立即生效，有条件共享数据待审批")
    public ResponseEntity<SubscriptionView> request(@Valid @RequestBody SubscriptionRequests.Request request) {
        StoredSubscription created = subscriptions.request(request, currentUser.get());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.subscription().id()))
                .body(SubscriptionView.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription / 单个订阅")
    public SubscriptionView get(@PathVariable("id") String id) {
        return SubscriptionView.of(subscriptions.get(id, currentUser.get()));
    }

    @GetMapping("/{id}/delivery")
    @Operation(summary = "How far delivery is behind: queue depth, oldest message age, consumers / "
            + "投递积压情况：队列深度、最早消息的等待时长、消费者数")
    public DeliveryStats delivery(@PathVariable("id") String id) {
        String subscriptionId = subscriptions.get(id, currentUser.get()).subscription().id();
        SubscriptionDelivery running = delivery.getIfAvailable();
        if (running == null) {
            // Only a context built without subscription delivery lacks the bean.
            return new DeliveryStats(subscriptionId, false, 0, Duration.ZERO, 0, 0);
        }
        return running.stats(subscriptionId);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a pending subscription / 批准待审批的订阅")
    public SubscriptionView approve(@PathVariable("id") String id,
                                    @Valid @RequestBody(required = false) SubscriptionRequests.Decision decision) {
        return SubscriptionView.of(subscriptions.approve(id, decision, currentUser.get()));
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Refuse a pending subscription, with a reason / 拒绝待审批的订阅（须说明理由）")
    public SubscriptionView refuse(@PathVariable("id") String id,
                                   @Valid @RequestBody(required = false) SubscriptionRequests.Decision decision) {
        return SubscriptionView.of(subscriptions.refuse(id, decision, currentUser.get()));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a subscription: delivery stops and its queue is removed / "
            + "撤销订阅：立即停止投递并删除其队列")
    public SubscriptionView revoke(@PathVariable("id") String id,
                                   @Valid @RequestBody(required = false) SubscriptionRequests.Decision decision) {
        return SubscriptionView.of(subscriptions.revoke(id, decision, currentUser.get()));
    }
}
