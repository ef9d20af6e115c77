package org.huitong.subscriptions.view;

/**
 * Finds where the county-level part of a Chinese address ends, for example after 城关区 in
 * 甘肃省兰州市城关区张掖路街道1号.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>the first 区, 县 or 旗, except a 区 that closes 自治区 or 特别行政区, which are
 *       province-level (新疆维吾尔自治区乌鲁木齐市天山区 ends after 天山区);
 *   <li>otherwise the first 市 that is followed by more text, which covers county-level cities
 *       such as 甘肃省玉门市玉门镇 (a 市 at the very end is the whole address, not a prefix);
 *   <li>otherwise no county-level marker: the caller keeps a short fixed prefix.
 * </ol>
 *
 * <p>NOTE: the rule reads characters, not a gazetteer. An address without a district whose
 * street or compound name contains 区, 县 or 旗 (兰州市红旗路5号) keeps the text up to that
 * character (兰州市红旗). An address without a district whose first 市 is a prefecture-level
 * city keeps only that city, which reveals less than intended and is safe.
 */
final class AddressPrefix {

    private AddressPrefix() {
    }

    /** Returns the char index just after the county-level marker, or -1 if there is none. */
    static int countyLevelEnd(String address) {
        int countyEnd = firstCountyMarkerEnd(address);
        if (countyEnd >= 0) {
            return countyEnd;
        }
        int city = address.indexOf('市');
        if (city >= 0 && city + 1 < address.length()) {
            return city + 1;
        }
        return -1;
    }

    private static int firstCountyMarkerEnd(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean marker = c == '县' || c == '旗' || (c == '区' && !endsProvinceLevel(address, i));
            if (marker) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean endsProvinceLevel(String address, int districtIndex) {
        String before = address.substring(0, districtIndex + 1);
        return before.endsWith("自治区") || before.endsWith("特别行政区");
    }
}
