package org.huitong.pipeline.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Converts a spreadsheet cell to a {@link SourceValue} by its type. A formula cell is
 * converted by its cached result, because the hub never evaluates formulas.
 */
final class XlsxCellConverter {

    /**
     * Significant digits Excel keeps: it stores an IEEE double but shows and exports at most
     * 15 digits, so the digits after them are noise from the binary representation.
     */
    static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final boolean date1904;

    XlsxCellConverter(boolean date1904) {
        this.date1904 = date1904;
    }

    /** Returns the cell's value, or {@code null} when the cell is blank or an error. */
    SourceValue convert(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> new SourceValue.Text(cell.getStringCellValue());
            case NUMERIC -> convertNumeric(cell);
            case BOOLEAN -> new SourceValue.Bool(cell.getBooleanCellValue());
            default -> null;
        };
    }

    /** Returns whether the cell holds an error such as {@code #DIV/0!}, directly or cached. */
    static boolean isError(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.ERROR;
    }

    private SourceValue convertNumeric(Cell cell) {
        double raw = cell.getNumericCellValue();
        CellStyle style = cell.getCellStyle();
        int formatIndex = style == null ? 0 : style.getDataFormat();
        String formatString = style == null ? "General" : style.getDataFormatString();

        if (DateUtil.isValidExcelDate(raw) && DateUtil.isADateFormat(formatIndex, formatString)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(raw, date1904, true);
            return new SourceValue.DateTime(dateTime, showsTimeOfDay(formatString));
        }

        String displayed = formatter.formatRawCellContents(raw, formatIndex, formatString, date1904);
        return new SourceValue.Number(toExcelDecimal(raw), displayed, true, date1904);
    }

    /** Rounds a cell's double to the 15 significant digits Excel shows, without trailing zeros. */
    static BigDecimal toExcelDecimal(double raw) {
        BigDecimal rounded = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Returns whether a date format shows hours or seconds; text in quotes is ignored. */
    private static boolean showsTimeOfDay(String formatString) {
        String withoutLiterals = formatString.replaceAll("\"[^\"]*\"", "").toLowerCase(Locale.ROOT);
        return withoutLiterals.contains("h") || withoutLiterals.contains("s");
    }
}
