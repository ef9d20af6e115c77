package org.huitong.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.huitong.exchange.ExchangeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class InternalBrokerAccountTest {

    @TempDir
    Path brokerDirectory;

    @Test
    void configuredPasswordUsed() {
        ExchangeProperties.Broker properties = new ExchangeProperties.Broker();
        properties.setInternalPassword("configured-password");

        InternalBrokerAccount account = InternalBrokerAccount.resolve(properties, brokerDirectory);

        assertThat(account.username()).isEqualTo("huitong-internal");
        assertThat(account.password()).isEqualTo("configured-password");
        assertThat(brokerDirectory.resolve(InternalBrokerAccount.PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void emptyPasswordGeneratedOnceOwnerOnly(CapturedOutput output) throws Exception {
        ExchangeProperties.Broker properties = new ExchangeProperties.Broker();

        InternalBrokerAccount first = InternalBrokerAccount.resolve(properties, brokerDirectory);
        InternalBrokerAccount second = InternalBrokerAccount.resolve(properties, brokerDirectory);
        Path file = brokerDirectory.resolve(InternalBrokerAccount.PASSWORD_FILE);

        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(Files.readString(file).strip()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(output).contains("Generated a password for the broker's internal account");
        assertThat(output).doesNotContain(first.password());
    }

    @Test
    void matchesOnlyExactCredentials() {
        InternalBrokerAccount account = new InternalBrokerAccount("internal", "secret");

        assertThat(account.matches("internal", "secret")).isTrue();
        assertThat(account.matches("internal", "secret ")).isFalse();
        assertThat(account.matches("Internal", "secret")).isFalse();
        assertThat(account.matches(null, null)).isFalse();
        assertThat(account.toString()).doesNotContain("secret");
    }
}
