package org.huitong.subscriptions.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huitong.subscriptions.view.ViewFixtures.filter;
import static org.huitong.subscriptions.view.ViewFixtures.subscription;

import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.huitong.exchange.CloudEventMessages;
import org.huitong.schema.SchemaRegistry;
import org.huitong.subscriptions.SubscriptionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the selectors' text and evaluates them with the Artemis broker's own filter. */
class BrokerSelectorTest {

    private static final SchemaRegistry REGISTRY = new SchemaRegistry(ViewFixtures.SCHEMAS);
    private final SchemaRecordViews views = new SchemaRecordViews(REGISTRY);

    private String selector(SubscriptionFilter filter) {
        return views.forSubscription(subscription("elder.person", List.of("name"), List.of(), filter)).brokerSelector();
    }

    private static boolean selects(String selector, String department, String division) throws Exception {
        Filter filter = FilterImpl.createFilter(selector);
        CoreMessage message = new CoreMessage(1, 100);
        message.putStringProperty(CloudEventMessages.DEPARTMENT, department);
        if (division != null) {
            message.putStringProperty(SimpleString.of(CloudEventMessages.DIVISION), SimpleString.of(division));
        }
        return filter.match(message);
    }

    @Test
    void noSelectorWithoutDepartmentsOrDivisions() {
        assertThat(selector(SubscriptionFilter.NONE)).isNull();
        assertThat(selector(filter(List.of(), List.of(), Map.of("livingSituation", List.of("alone"))))).isNull();
    }

    @Test
    void departmentsAndDivisions() throws Exception {
        String selector = selector(filter(List.of("6201", "620502"), List.of("lz-mz", "lz-wjw"), Map.of()));

        assertThat(selector).isEqualTo("huitong_department IN ('lz-mz', 'lz-wjw') AND "
                + "(huitong_division LIKE '6201%' OR huitong_division LIKE '620502%')");
        assertThat(selects(selector, "lz-mz", "620102")).isTrue();
        assertThat(selects(selector, "lz-wjw", "620502")).isTrue();
        assertThat(selects(selector, "lz-samr", "620102")).isFalse();
        assertThat(selects(selector, "lz-mz", "620503")).isFalse();
        assertThat(selects(selector, "lz-mz", null)).isFalse();
    }

    @Test
    void divisionsOnly() throws Exception {
        String selector = selector(filter(List.of("62"), List.of(), Map.of()));

        assertThat(selector).isEqualTo("(huitong_division LIKE '62%')");
        assertThat(selects(selector, "any", "620102")).isTrue();
        assertThat(selects(selector, "any", "110101")).isFalse();
    }

    @Test
    void quoteInDepartmentEscaped() throws Exception {
        String selector = selector(filter(List.of(), List.of("o'brien", "x') OR (1=1"), Map.of()));

        assertThat(selector).isEqualTo("huitong_department IN ('o''brien', 'x'') OR (1=1')");
        assertThat(selects(selector, "o'brien", null)).isTrue();
        assertThat(selects(selector, "x') OR (1=1", null)).isTrue();
        assertThat(selects(selector, "lz-mz", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "62a1", "6201%", "62' OR '1'='1", "1234567890123", " 6201"})
    void invalidDivisionPrefixRejected(String prefix) {
        SubscriptionFilter invalid = filter(List.of(prefix), List.of(), Map.of());

        assertThatThrownBy(() -> selector(invalid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub-42")
                .hasMessageContaining("\"" + prefix + "\"")
                .hasMessageContaining("1 to 12 digits");
    }

    @Test
    void twelveDigitPrefixAccepted() {
        assertThat(selector(filter(List.of("620102001001"), List.of(), Map.of())))
                .isEqualTo("(huitong_division LIKE '620102001001%')");
    }
}
