package org.huitong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.view.RecordView;
import org.huitong.subscriptions.view.SchemaRecordViews;
import org.huitong.subscriptions.view.ViewFixtures;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link RecordView#apply} on a typical elder.person event: a subscription with a
 * department, a division and a field-value filter that the event passes, every field granted,
 * name granted in clear and the other personal fields masked. A plain loop, not JMH: a warm-up
 * of N calls, then N timed calls, where N is the system property {@code bench.view.events}. The
 * normal test run uses a small N to keep this code working, and
 * {@code ./mvnw test -Pbenchmark -Dbench.tests=RecordViewBenchmarkTest} runs 2,000,000 (see
 * docs/benchmarks.md). Only counts are asserted, never times.
 */
class RecordViewBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("bench.view.events", 20_000);

    @Test
    void applyOnElderPerson() throws IOException {
        SchemaRecordViews views = new SchemaRecordViews(new SchemaRegistry(ViewFixtures.SCHEMAS));
        List<String> fields = List.of("name", "citizenId", "gender", "birthDate", "divisionCode", "address",
                "phone", "abilityLevel", "abilityStandard", "assessmentDate", "livingSituation", "specialPopulation");
        RecordView view = views.forSubscription(ViewFixtures.subscription("elder.person", fields, List.of("name"),
                ViewFixtures.filter(List.of("6201"), List.of("lz-mz"), Map.of("livingSituation", List.of("alone")))));
        ObjectNode event = ViewFixtures.elderPerson("lz-mz");

        long delivered = run(view, event);
        long start = System.nanoTime();
        delivered += run(view, event);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(delivered).isEqualTo(2L * EVENTS);
        String report = String.format(Locale.ROOT, """
                RecordView.apply on elder.person: %,d calls after %,d warm-up calls
                %,.0f ops/s (%.2f µs per call), %.2f s
                """, EVENTS, EVENTS, EVENTS / seconds, seconds * 1e6 / EVENTS, seconds);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-view.txt"), report);
    }

    private static long run(RecordView view, ObjectNode event) {
        long delivered = 0;
        for (int i = 0; i < EVENTS; i++) {
            if (view.apply(event).isPresent()) {
                delivered++;
            }
        }
        return delivered;
    }
}
