package org.huitong.pipeline.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.huitong.pipeline.read.SourceValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DateParserTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-05|2024-03-05",
        "2024/3/5|2024-03-05",
        "2024.03.05|2024-03-05",
        "20240305|2024-03-05",
        "2024年3月5日|2024-03-05",
        "２０２４年３月５日|2024-03-05",
        "' 2024-3-5 '|2024-03-05",
        "2024-03-05 00:00:00|2024-03-05",
        "2024-02-29|2024-02-29",
    })
    void parsesDateNotations(String text, String expected) throws Exception {
        assertThat(DateParser.parseDate(new SourceValue.Text(text))).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-05 10:15|2024-03-05T10:15+08:00",
        "2024-03-05 10:15:30|2024-03-05T10:15:30+08:00",
        "2024-03-05T10:15:30|2024-03-05T10:15:30+08:00",
        "2024/3/5 9:05|2024-03-05T09:05+08:00",
        "2024年3月5日 10:15|2024-03-05T10:15+08:00",
        "2024-03-05T02:15:30Z|2024-03-05T02:15:30Z",
        "2024-03-05T10:15:30.250+0800|2024-03-05T10:15:30.250+08:00",
        "2024-03-05|2024-03-05T00:00+08:00",
    })
    void parsesDateTimeNotations(String text, String expected) throws Exception {
        assertThat(DateParser.parseDateTime(new SourceValue.Text(text))).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-02-30|MAP_DATE_IMPOSSIBLE",
        "2023-02-29|MAP_DATE_IMPOSSIBLE",
        "2024-13-01|MAP_DATE_IMPOSSIBLE",
        "20241301|MAP_DATE_IMPOSSIBLE",
        "2024-03-05 24:30|MAP_DATE_IMPOSSIBLE",
        "45356|MAP_DATE_BARE_NUMBER",
        "45356.5|MAP_DATE_BARE_NUMBER",
        "2024-03/05|MAP_DATE_INVALID",
        "05/03/2024|MAP_DATE_INVALID",
        "三月五日|MAP_DATE_INVALID",
        "2024-03-05 10:15|MAP_DATE_HAS_TIME",
    })
    void rejectsWithoutGuessing(String text, String code) {
        assertThatThrownBy(() -> DateParser.parseDate(new SourceValue.Text(text)))
                .isInstanceOfSatisfying(ValueRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void spreadsheetSerialUses1900DateSystem() throws Exception {
        SourceValue.Number serial = new SourceValue.Number(new BigDecimal("45356"), "45356", true, false);

        assertThat(DateParser.parseDate(serial)).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void spreadsheetSerialUses1904DateSystem() throws Exception {
        SourceValue.Number serial = new SourceValue.Number(new BigDecimal("43894"), "43894", true, true);

        assertThat(DateParser.parseDate(serial)).isEqualTo(LocalDate.of(1904, 1, 1).plusDays(43894));
    }

    @Test
    void spreadsheetSerialWithFractionIsDateTime() throws Exception {
        SourceValue.Number serial = new SourceValue.Number(new BigDecimal("45356.75"), "45356.75", true, false);

        assertThat(DateParser.parseDateTime(serial)).isEqualTo(OffsetDateTime.of(2024, 3, 5, 18, 0, 0, 0, SHANGHAI));
    }

    @Test
    void jsonNumberIsNotGuessedAsDate() {
        SourceValue.Number number = new SourceValue.Number(new BigDecimal("45356"), "45356", false);

        assertThatThrownBy(() -> DateParser.parseDate(number))
                .isInstanceOfSatisfying(ValueRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("MAP_DATE_BARE_NUMBER"));
    }

    @Test
    void negativeSerialIsRejected() {
        SourceValue.Number number = new SourceValue.Number(new BigDecimal("-3"), "-3", true);

        assertThatThrownBy(() -> DateParser.parseDate(number))
                .isInstanceOfSatisfying(ValueRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("MAP_DATE_SERIAL_INVALID"));
    }

    @Test
    void dateCellIsUsedDirectly() throws Exception {
        SourceValue.DateTime cell = new SourceValue.DateTime(LocalDateTime.of(2024, 3, 5, 10, 15), true);

        assertThat(DateParser.parseDateTime(cell)).isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 15, 0, 0, SHANGHAI));
    }
}
