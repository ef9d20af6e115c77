package org.huitong.connectors.sources.mqtt;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.huitong.connectors.api.ConnectorViews;
import org.huitong.security.CurrentUser;
import org.huitong.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open device sequence gaps of a connector: messages that devices sent but the hub never received. */
@RestController
@RequestMapping("/api/connectors")
public class SequenceGapController {

    private final ConnectorViews views;
    private final DeviceSequences sequences;
    private final CurrentUser currentUser;

    public SequenceGapController(ConnectorViews views, DeviceSequences sequences, CurrentUser currentUser) {
        this.views = views;
        this.sequences = sequences;
        this.currentUser = currentUser;
    }

    @GetMapping("/{id}/sequence-gaps")
    @Operation(summary = "Device sequence numbers never received, newest first / 未收到的设备消息序号，最新在前")
    public List<DeviceSequences.GapView> gaps(@PathVariable("id") String id,
                                              @RequestParam(value = "offset", defaultValue = "0") int offset,
                                              @RequestParam(value = "limit", defaultValue = "100") int limit) {
        views.readable(id, currentUser.get());
        PageRequest page = new PageRequest(offset, limit);
        return sequences.gaps(id, page.offset(), page.limit());
    }
}
