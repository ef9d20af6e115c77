package org.huitong.subscriptions.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.huitong.security.CurrentUser;
import org.huitong.subscriptions.Subscriber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Downstream systems that subscribe to records, with their broker and API credentials. */
@RestController
@RequestMapping("/api/subscribers")
@Tag(name = "subscribers", description = "Downstream systems / 下游订阅系统")
public class SubscriberController {

    private final SubscriberService subscribers;
    private final CurrentUser currentUser;

    public SubscriberController(SubscriberService subscribers, CurrentUser currentUser) {
        this.subscribers = subscribers;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List the subscribers the caller may see / 列出可见的订阅系统")
    public List<Subscriber> list() {
        return subscribers.list(currentUser.get());
    }

    @PostMapping
    @Operation(summary = "Register a subscriber; the response is the only place its credentials are shown / "
            + "登记订阅系统；其凭据仅在此响应中显示一次")
    public ResponseEntity<SubscriberService.Registered> register(
            @Valid @RequestBody SubscriptionRequests.RegisterSubscriber request) {
        SubscriberService.Registered registered = subscribers.register(request, currentUser.get());
        return ResponseEntity.created(URI.create("/api/subscribers/" + registered.subscriber().id()))
                .body(registered);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscriber / 单个订阅系统")
    public Subscriber get(@PathVariable("id") String id) {
        return subscribers.get(id, currentUser.get());
    }

    @PostMapping("/{id}/credentials")
    @Operation(summary = "Issue a new broker password and API key; the old ones stop working / "
            + "重新签发消息代理密码和 API 密钥，旧凭据失效")
    public SubscriberService.Registered rotateCredentials(@PathVariable("id") String id) {
        return subscribers.rotateCredentials(id, currentUser.get());
    }
}
