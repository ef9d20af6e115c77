package org.huitong.samples;

import java.util.List;
import java.util.Random;
import org.huitong.identifiers.SyntheticIds;

/**
 * Made-up people, organisations and authorities for the sample files. Every code is built by
 * {@link SyntheticIds} with valid check characters, so none is a real person's or
 * organisation's number; the authority codes are synthetic too.
 */
final class SyntheticParties {

    static final String CITY_SAMR = "兰州市市场监督管理局";
    static final String CITY_SAMR_USCC = SyntheticIds.uscc("11", "620100", "MB1A0001");
    static final String CHENGGUAN_SAMR = "兰州市城关区市场监督管理局";
    static final String CHENGGUAN_SAMR_USCC = SyntheticIds.uscc("11", "620102", "MB1A0002");

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "马", "孙", "朱", "胡", "郭", "何", "高", "罗", "郑", "梁");
    private static final List<String> GIVEN_NAMES = List.of("建国", "秀英", "桂兰", "德明", "玉梅", "志强", "淑珍",
            "永福", "凤英", "国华", "素芳", "长春", "文秀", "振海", "兰英", "保平", "金花", "守仁", "翠屏", "天佑");
    private static final List<String> TRADE_NAMES = List.of("金城", "黄河", "皋兰", "陇原", "白塔", "五泉", "安宁",
            "西固", "雁滩", "马滩", "兰山", "东岗", "焦家湾", "盐场", "徐家湾", "小西湖", "华林", "拱星墩", "段家滩", "彭家坪");

    private final Random random;

    SyntheticParties(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a made-up Chinese personal name. */
    String personName() {
        return pick(SURNAMES) + pick(GIVEN_NAMES);
    }

    /** Returns a made-up trade name such as 金城; {@code index} keeps names distinct. */
    static String tradeName(int index) {
        return TRADE_NAMES.get(index % TRADE_NAMES.size());
    }

    /** Returns a made-up enterprise USCC (registered in 城关区), distinct for each serial. */
    static String enterpriseUscc(int serial) {
        return SyntheticIds.uscc(serial);
    }

    /** Returns a made-up USCC of an individual business (类别 92). */
    static String individualBusinessUscc(int serial) {
        return SyntheticIds.uscc("92", "620102", String.format("MB%06d", serial));
    }

    /**
     * Returns the first made-up enterprise USCC from {@code serial} on that has only digits,
     * so that a spreadsheet can store it as a number.
     */
    static String digitsOnlyUscc(int serial) {
        for (int candidate = serial; ; candidate++) {
            String uscc = SyntheticIds.uscc("91", "620102", String.format("%08d", candidate));
            if (uscc.chars().allMatch(Character::isDigit)) {
                return uscc;
            }
        }
    }

    /** Returns {@code uscc} with a different, wrong mod-31 check character. */
    static String withWrongUsccCheck(String uscc) {
        char check = uscc.charAt(17);
        char wrong = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(check) + 7) % USCC_ALPHABET.length());
        return uscc.substring(0, 17) + wrong;
    }

    /** Returns {@code citizenId} with a different, wrong MOD 11-2 check character. */
    static String withWrongCitizenIdCheck(String citizenId) {
        char check = citizenId.charAt(17);
        char wrong = check == '5' ? '3' : '5';
        return citizenId.substring(0, 17) + wrong;
    }

    /** Returns {@code text} with ASCII digits and letters as full-width characters (U+FF10…). */
    static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        for (char c : text.toCharArray()) {
            wide.append(Character.isLetterOrDigit(c) && c < 0x80 ? (char) (c + 0xFEE0) : c);
        }
        return wide.toString();
    }

    /**
     * Returns the 15-digit first-generation form of an 18-digit citizen ID of someone born in
     * the 1900s: the century digits {@code 19} and the check character removed.
     */
    static String firstGeneration(String citizenId) {
        return citizenId.substring(0, 6) + citizenId.substring(8, 17);
    }

    /**
     * Returns a valid citizen ID whose check character is {@code X}, trying sequence numbers
     * upwards from {@code sequence} in steps of 2, so the gender stays the same.
     */
    static String citizenIdEndingInX(String areaCode, java.time.LocalDate birthDate, int sequence) {
        for (int candidate = sequence; candidate <= 999; candidate += 2) {
            String citizenId = SyntheticIds.citizenId(areaCode, birthDate, candidate);
            if (citizenId.endsWith("X")) {
                return citizenId;
            }
        }
        throw new IllegalArgumentException("No citizen ID ending in X from sequence " + sequence);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
