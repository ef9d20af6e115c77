package org.huitong.connectors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a descriptor's {@code schedule} into route template parameters for a Camel scheduled
 * poll consumer (for example the {@code scheduler}, {@code sql} or {@code sftp} endpoints):
 *
 * <ul>
 *   <li>{@code delay}: milliseconds between the end of one poll and the start of the next, for an
 *       interval schedule; 60000 when a cron expression is used, where Camel ignores it;
 *   <li>{@code cron}: the cron expression, or absent for an interval schedule. A template passes it
 *       as {@code scheduler: "{{?schedulerType}}"} and {@code scheduler.cron: "{{?cron}}"};
 *   <li>{@code schedulerType}: {@code spring} for a cron schedule, else absent.
 * </ul>
 *
 * An interval schedule runs on the connector's single poll thread, so its polls never overlap.
 *
 * <p>NOTE: for a cron schedule, no overlap relies on Camel's Spring scheduler running one task at
 * a time; this is not yet covered by a test.
 */
public final class PollSchedule {

    private PollSchedule() {
    }

    public static Map<String, Object> routeParameters(ConnectorDescriptor descriptor) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        ConnectorDescriptor.Schedule schedule = descriptor.schedule();
        if (schedule != null && schedule.cron() != null) {
            parameters.put("delay", "60000");
            parameters.put("cron", schedule.cron());
            parameters.put("schedulerType", "spring");
        } else {
            Duration interval = schedule == null || schedule.interval() == null ? Duration.ofMinutes(1)
                    : Duration.parse(schedule.interval());
            parameters.put("delay", String.valueOf(interval.toMillis()));
        }
        return parameters;
    }
}
