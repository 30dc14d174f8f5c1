package io.tenderlens.place;

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
        List<List<String>> rows = parse(text);
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

    /** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
