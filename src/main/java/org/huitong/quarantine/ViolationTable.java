package org.huitong.quarantine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huitong.i18n.LocalizedText;
import org.huitong.pipeline.Violation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Reads and writes the {@code quarantine_violations} rows of quarantined records. */
final class ViolationTable {

    static final int MAX_IDS_PER_QUERY = 500;

    private final NamedParameterJdbcTemplate jdbc;

    ViolationTable(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts each record's violations, numbered from 0 in list order, as one JDBC batch. */
    void insert(List<Long> quarantineIds, List<QuarantinedRecord> records) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<Violation> violations = records.get(i).violations();
            for (int position = 0; violations != null && position < violations.size(); position++) {
                rows.add(parameters(quarantineIds.get(i), position, violations.get(position)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }

        jdbc.batchUpdate("INSERT INTO quarantine_violations (quarantine_id, position, code, field,"
                + " source_column, message_zh, message_en) VALUES (:quarantineId, :position, :code,"
                + " :field, :sourceColumn, :messageZh, :messageEn)", rows.toArray(SqlParameterSource[]::new));
    }

    /** Loads the violations of the given records, each list in stored order. */
    Map<Long, List<Violation>> load(List<Long> quarantineIds) {
        Map<Long, List<Violation>> byRecord = new HashMap<>();

        for (int from = 0; from < quarantineIds.size(); from += MAX_IDS_PER_QUERY) {
            List<Long> chunk = quarantineIds.subList(from,
                    Math.min(from + MAX_IDS_PER_QUERY, quarantineIds.size()));

            jdbc.query("SELECT quarantine_id, code, field, source_column, message_zh, message_en"
                    + " FROM quarantine_violations WHERE quarantine_id IN (:ids)"
                    + " ORDER BY quarantine_id, position", Map.of("ids", chunk), row -> {
                        Violation violation = new Violation(row.getString("code"), row.getString("field"),
                                row.getString("source_column"),
                                new LocalizedText(row.getString("message_zh"), row.getString("message_en")));
                        byRecord.computeIfAbsent(row.getLong("quarantine_id"), id -> new ArrayList<>())
                                .add(violation);
                    });
        }
        return byRecord;
    }

    private static SqlParameterSource parameters(long quarantineId, int position, Violation violation) {
        return new MapSqlParameterSource()
                .addValue("quarantineId", quarantineId)
                .addValue("position", position)
                .addValue("code", violation.code())
                .addValue("field", violation.field())
                .addValue("sourceColumn", violation.sourceColumn())
                .addValue("messageZh", violation.message().zh())
                .addValue("messageEn", violation.message().en());
    }
}
