package org.huitong.pipeline.map;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.huitong.pipeline.read.SourceValue;

/**
 * Parses the date and date-time notations found in departmental files.
 *
 * <p>Accepted text, after NFKC normalisation: {@code 2024-03-05}, {@code 2024/3/5},
 * {@code 2024.03.05}, {@code 20240305} and {@code 2024年3月5日}, each optionally followed by
 * a time {@code 10:15} or {@code 10:15:30[.fraction]} after a space or {@code T}, and by an
 * offset {@code Z} or {@code +08:00}. A date-time without an offset is in Asia/Shanghai.
 *
 * <p>Rejected rather than guessed: impossible dates ({@code 2024-02-30}), a bare number
 * other than the eight-digit form ({@code 45356} could be a spreadsheet serial number or
 * anything else), and a number that did not come from a spreadsheet cell. A numeric
 * spreadsheet cell is a serial day number in its workbook's date system (1900 or 1904).
 */
public final class DateParser {

    /** Time zone of date-times that state no offset. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String TIME = "(?:[T ]+(?<hour>\\d{1,2}):(?<minute>\\d{2})"
            + "(?::(?<second>\\d{2})(?:\\.(?<fraction>\\d{1,9}))?)?)?"
            + "(?<offset>Z|[+-]\\d{2}:?\\d{2})?";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<year>\\d{4})(?<separator>[-/.])(?<month>\\d{1,2})\\k<separator>(?<day>\\d{1,2})" + TIME),
            Pattern.compile("(?<year>\\d{4})年(?<month>\\d{1,2})月(?<day>\\d{1,2})日" + TIME),
            Pattern.compile("(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})" + TIME));
    private static final Pattern BARE_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private DateParser() {
    }

    /**
     * Parses a value for a {@code date} field. A value with a time of day other than midnight
     * is rejected, because dropping the time would lose information.
     */
    public static LocalDate parseDate(SourceValue value) throws ValueRejectedException {
        OffsetDateTime parsed = parse(value);
        if (!parsed.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new ValueRejectedException("MAP_DATE_HAS_TIME");
        }
        return parsed.toLocalDate();
    }

    /**
     * Parses a value for a {@code date-time} field. A date alone means midnight in
     * {@link #DEFAULT_ZONE}.
     */
    public static OffsetDateTime parseDateTime(SourceValue value) throws ValueRejectedException {
        return parse(value);
    }

    private static OffsetDateTime parse(SourceValue value) throws ValueRejectedException {
        if (value instanceof SourceValue.Text text) {
            return parseText(TextNormalizer.normalize(text.value()));
        }
        if (value instanceof SourceValue.DateTime cell) {
            return inDefaultZone(cell.value());
        }
        if (value instanceof SourceValue.Number number) {
            return parseSerialNumber(number);
        }
        if (value instanceof SourceValue.Items) {
            throw new ValueRejectedException("MAP_MULTIPLE_VALUES");
        }
        throw new ValueRejectedException("MAP_DATE_INVALID");
    }

    /** Parses normalised text; see the class comment for the accepted forms. */
    static OffsetDateTime parseText(String text) throws ValueRejectedException {
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return toDateTime(matcher);
            }
        }

        if (BARE_NUMBER.matcher(text).matches()) {
            throw new ValueRejectedException("MAP_DATE_BARE_NUMBER");
        }
        throw new ValueRejectedException("MAP_DATE_INVALID");
    }

    private static OffsetDateTime toDateTime(Matcher matcher) throws ValueRejectedException {
        try {
            LocalDate date = LocalDate.of(number(matcher, "year"), number(matcher, "month"), number(matcher, "day"));
            LocalTime time = matcher.group("hour") == null ? LocalTime.MIDNIGHT : LocalTime.of(
                    number(matcher, "hour"), number(matcher, "minute"), number(matcher, "second"), nanos(matcher));
            LocalDateTime local = LocalDateTime.of(date, time);

            String offset = matcher.group("offset");
            return offset == null ? inDefaultZone(local) : local.atOffset(ZoneOffset.of(withColon(offset)));
        } catch (DateTimeException e) {
            throw new ValueRejectedException("MAP_DATE_IMPOSSIBLE");
        }
    }

    private static int number(Matcher matcher, String group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int nanos(Matcher matcher) {
        String fraction = matcher.group("fraction");
        return fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    }

    private static String withColon(String offset) {
        if (offset.equals("Z") || offset.contains(":")) {
            return offset;
        }
        return offset.substring(0, 3) + ":" + offset.substring(3);
    }

    /**
     * Converts a spreadsheet serial number: days since the workbook's epoch, with the time of
     * day as the fraction. POI's DateUtil applies Excel's 1900 leap-year quirk.
     */
    private static OffsetDateTime parseSerialNumber(SourceValue.Number number) throws ValueRejectedException {
        if (!number.fromSpreadsheet()) {
            throw new ValueRejectedException("MAP_DATE_BARE_NUMBER");
        }

        double serial = number.value().doubleValue();
        if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
            throw new ValueRejectedException("MAP_DATE_SERIAL_INVALID");
        }
        return inDefaultZone(DateUtil.getLocalDateTime(serial, number.date1904(), true));
    }

    private static OffsetDateTime inDefaultZone(LocalDateTime local) {
        return local.atZone(DEFAULT_ZONE).toOffsetDateTime();
    }
}
