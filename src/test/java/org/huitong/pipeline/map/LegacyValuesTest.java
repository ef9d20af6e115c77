package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huitong.pipeline.Violation;
import org.huitong.pipeline.read.SourceRecord;
import org.huitong.pipeline.read.SourceValue;
import org.huitong.schema.RecordTypeSpec;
import org.huitong.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

/** Older penalty category names, with the mappings the credit.penalty schema declares. */
class LegacyValuesTest {

    private static final RecordTypeSpec PENALTY = new SchemaRegistry(Path.of("schemas")).spec("credit.penalty", "1");
    private static final RecordMapper MAPPER = new RecordMapper(PENALTY);

    @Test
    void olderCategoryMapsToCurrentOne() {
        MappedRecord mapped = mapCategories("警告；吊销营业执照");

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.data().get("CF_CFLB").toString()).isEqualTo("[\"警告\",\"吊销许可证件\"]");
    }

    @Test
    void ambiguousOlderCategoryIsRejectedWithChoices() {
        MappedRecord mapped = mapCategories("警告；暂扣或者吊销许可证、暂扣或者吊销执照");

        assertThat(mapped.violations()).hasSize(1);
        Violation violation = mapped.violations().get(0);
        assertThat(violation.code()).isEqualTo("MAP_LEGACY_VALUE_AMBIGUOUS");
        assertThat(violation.field()).isEqualTo("CF_CFLB");
        assertThat(violation.message().en()).contains("暂扣或者吊销许可证、暂扣或者吊销执照").contains("暂扣许可证件、吊销许可证件");
        assertThat(violation.message().zh()).contains("暂扣许可证件、吊销许可证件");
    }

    private static MappedRecord mapCategories(String categories) {
        SourceRecord record = new SourceRecord(1, 2, 2, Map.of("处罚类别", new SourceValue.Text(categories)), List.of());
        return MAPPER.map(record, MAPPER.bind(List.of("处罚类别")));
    }
}
