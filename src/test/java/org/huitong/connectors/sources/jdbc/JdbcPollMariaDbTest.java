package org.huitong.connectors.sources.jdbc;

import org.huitong.testsupport.HubTestEnvironment;
import org.huitong.testsupport.MachineServices;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The jdbc-poll scenarios on the MariaDB server of this machine (127.0.0.1:3306, user root
 * without password, database test). Skipped with a message when it is not running; fails then
 * under HUITONG_REQUIRE_SERVICES=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JdbcPollMariaDbTest extends JdbcPollScenarios {

    private static final HubTestEnvironment HUB = HubTestEnvironment.create();
    private static final SourceDatabase SOURCE = SourceDatabase.mariadb();

    @BeforeAll
    static void requireMariaDb() {
        MachineServices.require("MariaDB", SOURCE.host(), SOURCE.port());
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @Override
    HubTestEnvironment hub() {
        return HUB;
    }

    @Override
    SourceDatabase source() {
        return SOURCE;
    }
}
