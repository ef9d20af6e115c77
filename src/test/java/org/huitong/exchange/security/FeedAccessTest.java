package org.huitong.exchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedAccessTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
        "feeds.sub-42,                          sub-42",
        "feeds.sub-42::feeds.sub-42,            sub-42",
        "feeds.sub-42::feeds.sub-43,            NONE",
        "exchange.credit.license::feeds.sub-42, NONE",
        "feeds.,                                NONE",
        "exchange.credit.license,               NONE",
        "huitong.relay.sub-42,                  NONE",
        "DLQ,                                   NONE",
    })
    void feedSubscriptionIdParsed(String resource, String expected) {
        assertThat(FeedAccess.feedSubscriptionId(resource).orElse(null)).isEqualTo(expected);
    }
}
