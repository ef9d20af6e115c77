package org.huitong.subscriptions.feed;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huitong.security.CurrentUser;
import org.huitong.web.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catch-up feed of a subscription: its view of every event the hub still keeps. */
@RestController
@RequestMapping("/api/feeds")
@Tag(name = "feeds", description = "Catch-up and replay of subscriptions / 订阅数据补取与重放")
public class FeedController {

    static final int MAX_LIMIT = 500;

    private final FeedService feeds;
    private final CurrentUser currentUser;

    public FeedController(FeedService feeds, CurrentUser currentUser) {
        this.feeds = feeds;
        this.currentUser = currentUser;
    }

    @GetMapping("/{subscription}")
    @Operation(summary = "One page of a subscription's events, oldest first / 按时间顺序分页读取订阅的事件")
    public FeedPage read(
            @PathVariable("subscription") String subscription,
            @Parameter(description = "The next value of the previous page / 上一页的 next 值")
            @RequestParam(name = "after", required = false) String after,
            @Parameter(description = "Start at this publication time (ISO 8601) / 从此发布时间开始")
            @RequestParam(name = "since", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("request.limit.invalid", String.valueOf(limit),
                    String.valueOf(MAX_LIMIT));
        }
        return feeds.read(subscription, after, since, limit, currentUser.get());
    }
}
