package io.tenderlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.search.SearchFields;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records shaped like real ones, as many as asked, from a seed: titles are the real Chinese notice titles
 * of {@code cn-notices/INDEX.csv} and the English and Chinese titles and descriptions of the blockchain
 * sample (item lists from a fixed vocabulary, so that the index builds fast with a remembering analyzer),
 * buyers the organisations those titles name and the sample's buyers, suppliers the sample's
 * and city + trade + 有限公司 names, provinces and dates spread as in the notices. About 1 in 50 records
 * gets a blockchain phrase, Heilongjiang records and 1 in 100 others the Heilongjiang 区块链已存证 stamp, as in the real corpus.
 */
final class SearchRecordGenerator {
    private static final Pattern BUYER_IN_TITLE = Pattern.compile(
            "^([\\p{IsHan}（）()]{2,24}?(?:医院|大学|学院|学校|中学|小学|委员会|中心|局|厅|所|海关|政府|办公室|研究院))");
    private static final List<String> PROVINCES = List.of("北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省",
            "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
            "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省",
            "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区");
    private static final List<String> TRADES = List.of("信息技术", "网络科技", "数据科技", "软件", "智能科技", "医疗器械",
            "建设工程", "电子", "通信", "环保科技", "教育科技", "物业管理");
    private static final List<String> BLOCKCHAIN_PHRASES = List.of("基于区块链的", "区块链电子发票", "联盟链", "智能合约",
            "区块链存证平台", "分布式账本", "blockchain platform", "distributed ledger");
    private static final List<String> ITEMS = List.of("服务器", "交换机", "台式计算机", "笔记本电脑", "打印机", "空调",
            "医用设备", "软件开发服务", "运维服务", "数据平台", "安全设备", "监控系统", "办公家具", "电子发票系统");
    static final String STAMP = "区块链已存证 存证时间：存证哈希值：区块高度：";
    private static final String[] STATUS = {"active", "complete", "complete", "complete", "unsuccessful", "cancelled"};

    final List<String> titles = new ArrayList<>();
    final List<String> descriptions = new ArrayList<>();
    final List<String> buyers = new ArrayList<>();
    final List<String> suppliers = new ArrayList<>();
    private final long seed;

    SearchRecordGenerator(Path shared, Path sample, long seed) throws IOException {
        this.seed = seed;
        Set<String> t = new LinkedHashSet<>();
        Set<String> b = new LinkedHashSet<>();
        try (Reader in = Files.newBufferedReader(shared.resolve("data/cn-notices/INDEX.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                String title = r.get("title").strip();
                if (title.length() >= 6) {
                    t.add(title);
                    Matcher m = BUYER_IN_TITLE.matcher(title);
                    if (m.find()) {
                        b.add(m.group(1));
                    }
                }
            }
        }
        Set<String> s = new LinkedHashSet<>();
        Set<String> d = new LinkedHashSet<>();
        for (JsonNode release : new ObjectMapper().readTree(sample.toFile()).path("releases")) {
            addText(t, release.at("/tender/title"));
            addText(d, release.at("/tender/description"));
            addText(b, release.at("/buyer/name"));
            for (JsonNode award : release.path("awards")) {
                award.path("suppliers").forEach(x -> addText(s, x.path("name")));
            }
        }
        for (String province : PROVINCES) {
            for (String trade : TRADES) {
                s.add(province.replaceAll("(省|市|自治区|壮族|回族|维吾尔)+$", "") + trade + "有限公司");
            }
        }
        titles.addAll(t);
        descriptions.addAll(d);
        buyers.addAll(b);
        suppliers.addAll(s);
    }

    private static void addText(Set<String> out, JsonNode value) {
        if (value.isTextual() && !value.textValue().isBlank()) {
            out.add(value.textValue().strip());
        }
    }

    /** Record {@code i}: the same for the same seed and index. */
    SearchFields.RecordText record(long i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String title = pick(r, titles);
        if (r.nextInt(50) == 0) {
            title = pick(r, BLOCKCHAIN_PHRASES) + title;
        }
        String buyer = pick(r, buyers);
        List<String> sup = r.nextInt(3) == 0 ? List.of() : List.of(pick(r, suppliers));
        List<String> text = new ArrayList<>();
        text.add("采购内容：" + pick(r, ITEMS) + "、" + pick(r, ITEMS) + "。");
        if (r.nextInt(4) == 0) {
            text.add(pick(r, descriptions));
        }
        String province = pick(r, PROVINCES);
        if (province.equals("黑龙江省") || r.nextInt(100) == 0) {
            text.add(STAMP);
        }
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(11 * 365));
        return new SearchFields.RecordText(String.format("ocds-bench-%08d", i), title, buyer, sup, text,
                date.toString(), province, STATUS[r.nextInt(STATUS.length)]);
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
