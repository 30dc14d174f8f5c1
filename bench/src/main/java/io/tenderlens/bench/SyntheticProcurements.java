package io.tenderlens.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.place.Division;
import io.tenderlens.place.Gazetteer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded synthetic Chinese procurement records shaped like the notice converter's output (buyer and
 * supplier parties with our extension's details, tender with budget and description, lots, awards,
 * noticeSource, provenance), 1–2 releases per procurement, for benchmarks at scale. About 0.5% are
 * about blockchain, 0.3% mention it in a long description, 1% carry the 区块链已存证 stamp.
 */
public final class SyntheticProcurements {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ITEMS = {"办公家具", "台式计算机", "服务器及存储设备", "医用CT设备", "彩色多普勒超声诊断仪", "物业管理服务",
            "食堂食材配送服务", "校园安防监控系统", "信息化系统运维服务", "公务用车", "图书", "实验室设备", "网络安全等级保护测评服务",
            "智慧政务平台建设", "不动产登记信息系统升级", "电子政务外网运维", "档案数字化加工服务", "绿化养护服务", "道路维修工程监理",
            "医用耗材", "空调设备", "教学一体机", "数据中心机房改造", "视频会议系统", "审计服务", "法律顾问服务", "课桌椅", "消防设备"};
    private static final String[] BLOCKCHAIN = {"区块链电子证照平台建设项目", "基于区块链的不动产登记信息共享系统", "区块链存证平台建设",
            "住房公积金区块链平台对接项目", "区块链电子发票系统扩容及运维服务", "司法区块链电子数据存证系统", "农产品区块链溯源平台",
            "智能合约开发及测试服务", "区块链教学实训平台采购", "政务数据上链服务"};
    private static final String[] DEPARTMENTS = {"人民医院", "教育局", "财政局", "公安局", "市场监督管理局", "住房公积金管理中心", "政务服务管理局",
            "第一中学", "司法局", "交通运输局", "农业农村局", "卫生健康委员会", "人力资源和社会保障局", "文化和旅游局", "生态环境局",
            "大数据中心", "妇幼保健院", "疾病预防控制中心", "职业技术学院", "自然资源和规划局"};
    private static final String[] KINDS = {"health", "government", "government", "government", "government", "publicInstitution", "government",
            "education", "government", "government", "government", "government", "government", "government", "government",
            "publicInstitution", "health", "health", "education", "government"};
    private static final String[] SUPPLIER_WORDS = {"华信", "中科", "天润", "博远", "汇通", "金盾", "信达", "联创", "智联", "数源", "云图", "恒泰", "瑞丰", "新元"};
    private static final String[] SUPPLIER_KINDS = {"科技有限公司", "信息技术有限公司", "网络科技有限公司", "数据服务有限公司", "医疗器械有限公司", "建设工程有限公司"};
    private static final String FILLER = "本项目采购需求包括设备供货、安装调试、培训及售后服务，供应商须具备相应资质，履约期限为合同签订后九十日内，"
            + "付款方式按合同约定执行，验收标准按国家及行业相关规范执行。";

    private final List<Division> cities;
    private final long seed;

    public SyntheticProcurements(long seed) {
        Gazetteer g = Gazetteer.bundled();
        this.cities = g.all().stream().filter(d -> d.level() == Division.Level.PREFECTURE).toList();
        this.seed = seed;
    }

    /** Writes {@code records} procurements as gzipped JSON Lines; returns the number of releases written. */
    public long write(Path file, int records) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Gazetteer g = Gazetteer.bundled();
        long releases = 0;
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16);
             JsonGenerator gen = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            for (int i = 0; i < records; i++) {
                for (ObjectNode r : procurement(i, random, g)) {
                    JSON.writeTree(gen, r);
                    gen.writeRaw('\n');
                    releases++;
                }
            }
        }
        return releases;
    }

    private List<ObjectNode> procurement(int n, SplittableRandom random, Gazetteer g) {
        Division city = cities.get(random.nextInt(cities.size()));
        Division province = g.province(city);
        int dept = random.nextInt(DEPARTMENTS.length);
        String buyer = city.name() + DEPARTMENTS[dept];
        String ocid = "ocds-tl0bench-" + n;
        int year = 2016 + random.nextInt(9);
        String date = String.format("%d-%02d-%02dT09:30:00+08:00", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        double kindRoll = random.nextDouble();
        String title;
        StringBuilder description = new StringBuilder();
        if (kindRoll < 0.005) {
            title = buyer + BLOCKCHAIN[random.nextInt(BLOCKCHAIN.length)];
            description.append("本项目建设").append(title).append("，").append(FILLER);
        } else if (kindRoll < 0.008) {
            title = buyer + "智慧政务平台建设项目";
            description.append(FILLER.repeat(3)).append("平台包括统一身份认证、电子证照、区块链存证、数据共享交换等模块。").append(FILLER);
        } else {
            title = buyer + year + "年" + ITEMS[random.nextInt(ITEMS.length)] + "采购项目";
            description.append(FILLER.repeat(1 + random.nextInt(3)));
        }
        if (random.nextDouble() < 0.01) {
            description.insert(0, "区块链已存证 存证时间：" + date.substring(0, 10) + " 存证哈希值：" + Long.toHexString(random.nextLong()) + " 区块高度：" + random.nextInt(1_000_000) + " ");
        }
        BigDecimal budget = BigDecimal.valueOf((long) Math.exp(Math.log(50_000) + random.nextDouble() * Math.log(1000)))
                .setScale(2, RoundingMode.HALF_EVEN);

        ObjectNode tender = JSON.createObjectNode();
        ObjectNode buyerParty = party(buyer, "buyer", province, city, random.nextDouble() < 0.1 ? "central" : "local", KINDS[dept]);
        ObjectNode release = base(ocid, ocid + "-tender", date, "tender", buyerParty);
        tender.put("id", "ZB" + year + "-" + n).put("title", title).put("description", description.toString())
                .put("status", "active").put("procurementMethod", "open").put("procurementMethodDetails", "公开招标")
                .put("mainProcurementCategory", "goods");
        tender.putObject("value").put("amount", budget).put("currency", "CNY");
        tender.putObject("tenderPeriod").put("startDate", date);
        release.set("tender", tender);
        provenance(release, "tender/value", "预算金额：" + budget.toPlainString() + "元", "budget.label");

        double outcome = random.nextDouble();
        if (outcome < 0.25) {
            return List.of(release);                      // still open
        }
        ObjectNode result = release.deepCopy();
        String awardDate = java.time.LocalDate.parse(date.substring(0, 10)).plusDays(20 + random.nextInt(70)) + "T16:00:00+08:00";
        result.put("id", ocid + "-result").put("date", awardDate);
        ObjectNode resultTender = (ObjectNode) result.get("tender");
        if (outcome < 0.30) {
            resultTender.put("status", "unsuccessful");
            result.putArray("tag").add("tenderUpdate");
            ((ObjectNode) result.get("noticeSource")).put("noticeType", "unsuccessful").put("noticeTypeZh", "废标公告");
            return List.of(release, result);
        }
        resultTender.put("status", "complete");
        result.putArray("tag").add("award");
        ((ObjectNode) result.get("noticeSource")).put("noticeType", "award").put("noticeTypeZh", "中标（成交）结果公告");
        Division supplierCity = random.nextDouble() < 0.6 ? city : cities.get(random.nextInt(cities.size()));
        String supplier = supplierCity.shortName() + SUPPLIER_WORDS[random.nextInt(SUPPLIER_WORDS.length)]
                + SUPPLIER_KINDS[random.nextInt(SUPPLIER_KINDS.length)];
        ((ArrayNode) result.get("parties")).add(party(supplier, "supplier", g.province(supplierCity), supplierCity, null, null));
        BigDecimal award = budget.multiply(BigDecimal.valueOf(70 + random.nextInt(30))).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
        ObjectNode a = result.putArray("awards").addObject();
        a.put("id", ocid + "-award-1").put("status", "active").put("date", result.get("date").asText()).put("title", title);
        a.putObject("value").put("amount", award).put("currency", "CNY");
        a.putArray("suppliers").addObject().put("id", "CN-ORG-" + Integer.toHexString(supplier.hashCode())).put("name", supplier);
        provenance(result, "awards/0/value", "中标（成交）金额：" + award.toPlainString() + "元", "award.label");
        return List.of(release, result);
    }

    private static ObjectNode base(String ocid, String id, String date, String tag, ObjectNode buyerParty) {
        ObjectNode r = JSON.createObjectNode();
        r.put("ocid", ocid).put("id", id).put("date", date).put("initiationType", "tender").put("language", "zh");
        r.putArray("tag").add(tag);
        r.putObject("buyer").put("id", buyerParty.get("id").asText()).put("name", buyerParty.get("name").asText());
        r.putArray("parties").add(buyerParty);
        r.putObject("noticeSource").put("url", "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/" + id + ".htm").put("site", "www.ccgp.gov.cn")
                .put("noticeType", tag).put("noticeTypeZh", "公开招标公告");
        r.putArray("provenance");
        return r;
    }

    private static ObjectNode party(String name, String role, Division province, Division city, String level, String kind) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", "CN-ORG-" + Integer.toHexString(name.hashCode())).put("name", name);
        p.putArray("roles").add(role);
        p.putObject("address").put("region", province.name()).put("locality", city.name()).put("countryName", "中国");
        ObjectNode details = p.putObject("details");
        ObjectNode division = details.putObject("division");
        division.putObject("province").put("code", province.code()).put("name", province.name());
        division.putObject("city").put("code", city.code()).put("name", city.name());
        if (level != null) {
            details.put("governmentLevel", level);
        }
        if (kind != null) {
            details.put("buyerKind", kind);
        }
        return p;
    }

    private static void provenance(ObjectNode release, String id, String text, String rule) {
        ((ArrayNode) release.get("provenance")).addObject().put("id", id).put("text", text).put("rule", rule);
    }
}
