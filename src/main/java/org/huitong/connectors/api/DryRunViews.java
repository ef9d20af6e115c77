package org.huitong.connectors.api;

import java.util.Locale;
import org.huitong.pipeline.DryRunResult;
import org.huitong.pipeline.Violation;
import org.springframework.stereotype.Component;

/** Renders a dry run's result in the request's language. */
@Component
public class DryRunViews {

    private final org.huitong.i18n.Messages messages;

    public DryRunViews(org.huitong.i18n.Messages messages) {
        this.messages = messages;
    }

    public DryRunView view(String connectorId, DryRunResult result, Locale locale) {
        return new DryRunView(connectorId, result.read(), result.valid(), result.invalid(),
                result.fileError() == null ? null : violation(result.fileError(), locale), result.fileErrorLine(),
                result.records().stream().map(record -> new DryRunView.RecordView(record.number(),
                        record.firstLine(), record.lastLine(), record.valid(), record.data(),
                        record.violations().stream().map(v -> violation(v, locale)).toList())).toList(),
                result.truncated(), result.missingColumns(),
                result.missingColumns().stream().map(column -> messages.text("connector.test-column-missing", column)
                        .forLocale(locale)).toList());
    }

    private static DryRunView.ViolationView violation(Violation violation, Locale locale) {
        return new DryRunView.ViolationView(violation.code(), violation.field(), violation.sourceColumn(),
                violation.message().forLocale(locale));
    }
}
