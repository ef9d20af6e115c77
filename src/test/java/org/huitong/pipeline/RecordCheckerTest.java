package org.huitong.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huitong.eldercare.ElderServiceRules;
import org.huitong.identifiers.Gender;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.pipeline.map.HeaderBinding;
import org.huitong.pipeline.map.RecordMapper;
import org.huitong.pipeline.read.ReadOptions;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;
import org.huitong.pipeline.validate.RecordValidator;
import org.huitong.pipeline.validate.ViolationMessages;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCheckerTest {

    private static final SchemaRegistry SCHEMAS = new SchemaRegistry(Path.of("schemas"));
    private static final String PROVIDER = SyntheticIds.uscc(7);
    private static final String ELDER = SyntheticIds.citizenId(LocalDate.of(1940, 5, 6), Gender.FEMALE);

    @TempDir
    Path folder;

    @Test
    void jsonKeyFirstSeenLaterIsMapped() throws IOException {
        List<RecordChecker.Result> results = checkServices(
                order("A1") + "}",
                order("A2") + ",\"fee\":\"35.50\",\"endTime\":\"2024-06-03 10:00\"}");

        assertThat(results.get(0).valid()).isTrue();
        assertThat(results.get(1).valid()).isTrue();
        assertThat(results.get(1).data().get("fee").decimalValue()).isEqualByComparingTo("35.50");
        assertThat(results.get(1).data().get("endTime").asText()).isEqualTo("2024-06-03T10:00:00+08:00");
    }

    @Test
    void malformedJsonLineKeepsText() throws IOException {
        List<RecordChecker.Result> results = checkServices(order("A1") + "}", order("A2"));

        RecordChecker.Result malformed = results.get(1);
        assertThat(malformed.valid()).isFalse();
        assertThat(malformed.violations()).extracting(v -> v.code()).containsExactly("READ_JSON_MALFORMED");
        assertThat(malformed.source().displayValues()).containsValue(order("A2"));
    }

    private static String order(String number) {
        return "{\"providerUscc\":\"" + PROVIDER + "\",\"orderNumber\":\"" + number
                + "\",\"elderCitizenId\":\"" + ELDER + "\",\"category\":\"助餐\","
                + "\"startTime\":\"2024-06-03 09:00\"";
    }

    private List<RecordChecker.Result> checkServices(String... lines) throws IOException {
        Path file = Files.writeString(folder.resolve("services.jsonl"), String.join("\n", lines) + "\n");
        RecordTypeSpec spec = SCHEMAS.spec("elder.service", "1");
        ViolationMessages messages = ViolationMessages.standard();
        RecordValidator validator = new RecordValidator(SCHEMAS, List.of(new ElderServiceRules(messages)), messages);
        List<RecordChecker.Result> results = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(file, ReadOptions.defaults())) {
            RecordMapper mapper = new RecordMapper(spec);
            HeaderBinding binding = mapper.bind(reader.headers());
            RecordChecker checker = new RecordChecker(spec, mapper, binding, validator);
            while (reader.hasNext()) {
                results.add(checker.check(reader.next()));
            }
        }
        return results;
    }
}
