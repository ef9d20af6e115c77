package org.huitong.connectors.sources.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.huitong.connectors.DescriptorError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MqttAlarmSourceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "OK", value = {
        "tcp://127.0.0.1:1883, OK",
        "ssl://mqtt.example.gov.cn:8883, OK",
        "tcp://[::1]:1883, OK",
        "http://127.0.0.1:1883, scheme",
        "mqtt://127.0.0.1:1883, scheme",
        "tcp://169.254.169.254:1883, link-local",
        "tcp://[fe80::1]:1883, link-local",
        "tcp://user:pw@127.0.0.1:1883, syntax",
        "tcp://127.0.0.1:1883/path, syntax",
        "tcp://127.0.0.1:1883?x=1, syntax",
        "tcp://, syntax"})
    void brokerUrlChecked(String url, String problem) {
        assertThat(MqttAlarmSource.brokerUrlProblem(url)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alarms", "alarms/+/events", "alarms/#", "#", "+", "+/x", "a//b"})
    void validTopicFiltersAccepted(String topic) {
        assertThat(MqttAlarmSource.validTopicFilter(topic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alarms/#/x", "alarms/a#", "alarms/a+", "al+rms", "alarms/##"})
    void invalidTopicFiltersRejected(String topic) {
        assertThat(MqttAlarmSource.validTopicFilter(topic)).isFalse();
    }

    @Test
    void passwordWithoutUsernameRejected() {
        List<DescriptorError> errors = MqttAlarmSource.check(Map.of("brokerUrl", "tcp://127.0.0.1:1883",
                "topic", "alarms/#", "password", "s3cret"));

        assertThat(errors).extracting(DescriptorError::path).containsExactly("source.parameters.password");
        assertThat(errors.get(0).details()).noneMatch(detail -> detail.contains("s3cret"));
    }

    @Test
    void routeParametersWrapCredentials() {
        Map<String, Object> route = MqttAlarmSource.routeParameters("lz-alarms", Map.of(
                "brokerUrl", "tcp://127.0.0.1:1883", "topic", "alarms/#", "username", "hub",
                "password", "p&w=(1)", "keepAliveSeconds", "30", "maxReconnectDelayMs", "30000",
                "maxPayloadBytes", "65536"));

        assertThat(route.get("clientId")).isEqualTo("huitong-lz-alarms");
        assertThat(route.get("userName")).isEqualTo("RAW(hub)");
        assertThat(route.get("password")).isEqualTo("RAW{p&w=(1)}");
    }

    @Test
    void passwordWithBothClosingCharactersRejected() {
        Map<String, String> parameters = Map.of("brokerUrl", "tcp://127.0.0.1:1883", "topic", "a",
                "username", "hub", "password", "a)b}c");

        assertThatThrownBy(() -> MqttAlarmSource.routeParameters("x", parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a)b}c");
    }
}
