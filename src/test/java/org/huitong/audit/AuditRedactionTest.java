package org.huitong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuditRedactionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void secretFieldsAreMaskedAtAnyDepth() throws Exception {
        JsonNode node = json.readTree("""
                {"name": "samr-licensing", "password": "p1", "source": {"clientSecret": "s1",
                 "parameters": [{"API_KEY": "k1", "host": "10.0.0.1"}, {"accessToken": "t1"}]},
                 "credentials": {"user": "u"}, "privateKeyPem": "pk", "api_key_id": 3}
                """);

        String redacted = AuditRedaction.redact(node).toString();

        assertThat(redacted).doesNotContain("p1", "s1", "k1", "t1", "\"user\"", "pk");
        assertThat(redacted).contains("samr-licensing", "10.0.0.1");
        assertThat(node.get("source").get("clientSecret").asText()).isEqualTo("***");
        assertThat(node.get("credentials").asText()).isEqualTo("***");
        assertThat(node.get("api_key_id").asText()).isEqualTo("***");
    }

    @Test
    void otherValuesStay() throws Exception {
        JsonNode node = json.readTree("{\"role\": \"ADMIN\", \"enabled\": true, \"list\": [1, 2]}");

        assertThat(AuditRedaction.redact(node)).isEqualTo(json.readTree("{\"role\": \"ADMIN\", \"enabled\": true,"
                + " \"list\": [1, 2]}"));
    }
}
