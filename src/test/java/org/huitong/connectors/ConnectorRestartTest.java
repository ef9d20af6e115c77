package org.huitong.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.ServiceStatus;
import org.huitong.batches.BatchRepository;
import org.huitong.connectors.lifecycle.ConnectorRuntime;
import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.LicenceFiles;
import org.huitong.testsupport.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a connector was asked to be, and connectors created through the API, survive a restart. */
class ConnectorRestartTest {

    @TempDir
    Path root;

    @Test
    void pausedConnectorStaysPausedAfterRestart() throws Exception {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        try (RunningHub hub = RunningHub.start(environment)) {
            ConnectorRuntime runtime = hub.bean(ConnectorRuntime.class);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    runtime.routeStatus("samr-licensing") == ServiceStatus.Started);
            runtime.pause("samr-licensing", "tester");
        }

        try (RunningHub hub = RunningHub.start(environment)) {
            ConnectorRuntime runtime = hub.bean(ConnectorRuntime.class);
            assertThat(runtime.routeStatus("samr-licensing")).isEqualTo(ServiceStatus.Suspended);
            environment.drop("samr-licensing", LicenceFiles.validRows(root, 1, 1), "held.csv");
            Thread.sleep(1500);
            assertThat(hub.bean(BatchRepository.class).find("samr-licensing", 0, 10)).isEmpty();

            runtime.resume("samr-licensing", "tester");
            assertThat(hub.awaitFinishedBatches("samr-licensing", 1)).hasSize(1);
        }
    }

    @Test
    void apiConnectorIsRebuiltAfterRestart() {
        HubTestEnvironment environment = HubTestEnvironment.create(root);
        String yaml = """
                id: restart-api
                department: {code: lz-samr, name: 兰州市市场监督管理局}
                source: {template: file-drop, parameters: {pollDelayMs: 200, readLockMinAgeMs: 200}}
                target: {recordType: credit.license, version: "1"}
                """;
        try (RunningHub hub = RunningHub.start(environment)) {
            DescriptorReader reader = hub.bean(DescriptorReader.class);
            DescriptorCheck check = reader.read(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
            hub.bean(ConnectorRegistry.class).create(check.descriptor(), "tester");
        }

        try (RunningHub hub = RunningHub.start(environment)) {
            ConnectorEntry entry = hub.bean(ConnectorRegistry.class).entry("restart-api").orElseThrow();
            assertThat(entry.origin()).isEqualTo(ConnectorOrigin.API);
            environment.drop("restart-api", LicenceFiles.validRows(root, 1, 2), "after-restart.csv");
            assertThat(hub.awaitFinishedBatches("restart-api", 1).get(0).published()).isEqualTo(2);
        }
    }
}
