package org.huitong.pipeline.validate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.huitong.credit.LicenseRules;
import org.huitong.credit.PenaltyRules;
import org.huitong.eldercare.ElderPersonRules;
import org.huitong.eldercare.ElderServiceRules;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.schema.SchemaRegistry;

/** Shared registry, validator and valid sample records for validation tests. */
final class ValidationFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI);
    static final SchemaRegistry REGISTRY = new SchemaRegistry(Path.of("schemas"));
    static final String ENTERPRISE_USCC = "91350100M000100Y43";

    private ValidationFixtures() {
    }

    static RecordValidator validator() {
        ViolationMessages messages = ViolationMessages.standard();
        return new RecordValidator(REGISTRY, List.of(
                new LicenseRules(messages, CLOCK), new PenaltyRules(messages, CLOCK),
                new ElderPersonRules(messages, CLOCK), new ElderServiceRules(messages)), messages);
    }

    /** Returns a valid licence granted to an enterprise. */
    static ObjectNode legalPersonLicense() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("XK_XDR_MC", "兰州示例商贸有限公司");
        data.put("XK_XDR_LB", "法人及非法人组织");
        data.put("XK_XDR_SHXYM", ENTERPRISE_USCC);
        data.put("XK_FRDB", "王某");
        data.put("XK_XKWS", "食品经营许可决定书");
        data.put("XK_WSH", "兰城食许〔2025〕12号");
        data.put("XK_XKLB", "普通");
        data.put("XK_NR", "预包装食品销售");
        data.put("XK_JDRQ", "2025-03-05");
        data.put("XK_YXQZ", "2025-03-05");
        data.put("XK_YXQZI", "2030-03-04");
        data.put("XK_XKJG", "兰州市城关区市场监督管理局");
        data.put("XK_XKJGDM", authorityUscc());
        data.put("XK_ZT", "1");
        data.put("XK_LYDW", "兰州市城关区市场监督管理局");
        data.put("XK_LYDWDM", authorityUscc());
        return data;
    }

    /** Returns a valid licence granted to a natural person with a citizen ID card. */
    static ObjectNode naturalPersonLicense() {
        ObjectNode data = legalPersonLicense();
        data.remove(List.of("XK_XDR_SHXYM", "XK_FRDB"));
        data.put("XK_XDR_MC", "张某");
        data.put("XK_XDR_LB", "自然人");
        data.put("XK_XDR_ZJLX", "01");
        data.put("XK_XDR_ZJHM", SyntheticIds.citizenId("620102", LocalDate.of(1980, 1, 2), 35));
        return data;
    }

    /** Returns a valid penalty with a fine of 0.2 万元. */
    static ObjectNode penalty() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("CF_XDR_MC", "兰州示例商贸有限公司");
        data.put("CF_XDR_LB", "法人及非法人组织");
        data.put("CF_XDR_SHXYM", ENTERPRISE_USCC);
        data.put("CF_FRDB", "王某");
        data.put("CF_WSH", "兰城市监罚〔2025〕7号");
        data.put("CF_WFXW", "销售过期食品");
        data.put("CF_SY", "当事人销售超过保质期的食品。");
        data.put("CF_YJ", "《中华人民共和国食品安全法》第一百二十四条");
        data.putArray("CF_CFLB").add("警告").add("罚款");
        data.put("CF_NR", "警告，并处罚款2000元。");
        data.put("CF_NR_FK", new BigDecimal("0.2"));
        data.put("CF_JDRQ", "2025-04-10");
        data.put("CF_YXQ", "2026-04-09");
        data.put("CF_CFJG", "兰州市城关区市场监督管理局");
        data.put("CF_CFJGDM", authorityUscc());
        return data;
    }

    /** Returns a valid elder record with only the required fields. */
    static ObjectNode elderPerson(String citizenId) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("name", "李某");
        data.put("citizenId", citizenId);
        return data;
    }

    /** Returns a valid home-care service record. */
    static ObjectNode elderService() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("providerUscc", ENTERPRISE_USCC);
        data.put("orderNumber", "GD-2025-0001");
        data.put("elderCitizenId", SyntheticIds.citizenId("620102", LocalDate.of(1940, 5, 6), 21));
        data.put("category", "助餐");
        data.put("startTime", "2025-05-01T11:30:00+08:00");
        data.put("endTime", "2025-05-01T12:00:00+08:00");
        data.put("fee", new BigDecimal("15.00"));
        data.put("subsidy", new BigDecimal("10.50"));
        return data;
    }

    /** Returns a synthetic government-authority USCC (authority 1, type 1) in Lanzhou. */
    static String authorityUscc() {
        return SyntheticIds.uscc("11", "620102", "MB000012");
    }
}
