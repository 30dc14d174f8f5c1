package io.tenderlens.place;

import io.tenderlens.testing.CsvRows;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 20 distinct central (中央公告) notices of the csv crawl (cn-notices group C), with buyer and address. */
final class CcgpCsvNotices {

    record Notice(String title, String url, String buyer, String address) {}

    private static final Pattern BUYER = Pattern.compile("采购单位：(.*?)地址：(.*?)联系方式");

    private CcgpCsvNotices() {}

    static List<Notice> load() {
        String text;
        try {
            text = Files.readString(SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Notice> byTitle = new LinkedHashMap<>();
        List<List<String>> rows = CsvRows.parse(text);
        for (List<String> row : rows.subList(1, rows.size())) {
            String content = row.get(1).replaceAll("\\s+", "");
            Matcher m = BUYER.matcher(content);
            if (!m.find()) {
                throw new AssertionError("no 采购单位 in csv notice " + row.get(0));
            }
            byTitle.putIfAbsent(row.get(0), new Notice(row.get(0), row.get(3), m.group(1), m.group(2)));
        }
        return new ArrayList<>(byTitle.values());
    }
}
