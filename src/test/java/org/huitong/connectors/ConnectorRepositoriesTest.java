package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huitong.batches.JdbcBatchRepository;
import org.huitong.connectors.lifecycle.DesiredState;
import org.huitong.connectors.lifecycle.JdbcLifecycleStore;
import org.huitong.connectors.lifecycle.StateChange;
import org.huitong.i18n.LocalizedText;
import org.huitong.testsupport.BothDatabasesTest;
import org.huitong.testsupport.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry's tables on H2 and PostgreSQL. */
class ConnectorRepositoriesTest extends BothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void definitionRevisionGuardsUpdates(MigratedDatabase database) {
        JdbcConnectorDefinitions definitions = new JdbcConnectorDefinitions(database.deleteAllRows().jdbc());
        definitions.insert("api-one", "lz-samr", "{\"id\":\"api-one\",\"note\":\"许可\"}", "alice");

        boolean first = definitions.update("api-one", 1, "lz-samr", "{\"id\":\"api-one\",\"v\":2}", "bob");
        boolean stale = definitions.update("api-one", 1, "lz-samr", "{\"id\":\"api-one\",\"v\":3}", "carol");

        StoredDefinition stored = definitions.find("api-one").orElseThrow();
        assertThat(first).isTrue();
        assertThat(stale).isFalse();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.descriptorJson()).contains("\"v\":2");
        assertThat(stored.createdBy()).isEqualTo("alice");
        assertThat(stored.updatedBy()).isEqualTo("bob");
        assertThat(definitions.delete("api-one")).isTrue();
        assertThat(definitions.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void desiredStateIsReplacedAndCleared(MigratedDatabase database) {
        JdbcLifecycleStore store = new JdbcLifecycleStore(database.deleteAllRows().jdbc());

        store.setDesiredState("c1", DesiredState.PAUSED, "alice");
        store.setDesiredState("c1", DesiredState.STOPPED, "bob");

        assertThat(store.controls().get("c1").state()).isEqualTo(DesiredState.STOPPED);
        assertThat(store.controls().get("c1").changedBy()).isEqualTo("bob");
        store.clearDesiredState("c1");
        assertThat(store.controls()).doesNotContainKey("c1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void historyIsNewestFirstAndLatestPerConnector(MigratedDatabase database) {
        JdbcLifecycleStore store = new JdbcLifecycleStore(database.deleteAllRows().jdbc());
        store.recordChange("c1", null, ConnectorState.RUNNING, null, "system");
        store.recordChange("c1", ConnectorState.RUNNING, ConnectorState.PAUSED, new LocalizedText("已暂停", "Paused"), "alice");
        store.recordChange("c2", null, ConnectorState.INVALID, null, "system");

        List<StateChange> history = store.history("c1", 0, 10);

        assertThat(history).extracting(StateChange::to).containsExactly(ConnectorState.PAUSED, ConnectorState.RUNNING);
        assertThat(history.get(0).reasonZh()).isEqualTo("已暂停");
        assertThat(history.get(0).actor()).isEqualTo("alice");
        assertThat(store.history("c1", 1, 10)).extracting(StateChange::to).containsExactly(ConnectorState.RUNNING);
        assertThat(store.latest().get("c1").to()).isEqualTo(ConnectorState.PAUSED);
        assertThat(store.latest().get("c2").to()).isEqualTo(ConnectorState.INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void batchesAreFilteredByDepartment(MigratedDatabase database) {
        ConnectorDepartments departments = new ConnectorDepartments(database.deleteAllRows().jdbc());
        JdbcBatchRepository batches = new JdbcBatchRepository(database.jdbc());
        departments.record("samr-a", "lz-samr");
        departments.record("mca-a", "lz-mca");
        departments.record("mca-a", "lz-mca");
        batches.start("samr-a", "a.csv", "0".repeat(64), 1);
        batches.start("mca-a", "b.csv", "0".repeat(64), 1);
        batches.start("unknown", "c.csv", "0".repeat(64), 1);

        assertThat(batches.find(null, "lz-mca", 0, 10)).extracting(b -> b.connectorId()).containsExactly("mca-a");
        assertThat(batches.find(null, null, 0, 10)).hasSize(3);
        assertThat(departments.departmentOf("samr-a")).contains("lz-samr");
        assertThat(departments.departmentOf("unknown")).isEmpty();
    }
}
