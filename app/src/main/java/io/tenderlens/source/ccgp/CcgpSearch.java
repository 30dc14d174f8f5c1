package io.tenderlens.source.ccgp;

import io.tenderlens.source.harvest.SearchSite;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The search of the China Government Procurement Network (中国政府采购网), search.ccgp.gov.cn/bxsearch: all notice
 * types ({@code bidType=0}), all regions, full-text keyword, dates written {@code 2019:09:24}, 20 hits a page in
 * {@code ul.vT-srch-result-list-bid}, the total in "共找到 N 条内容". The site accepts at most a year per query.
 * The result cap is our assumption, to be lowered if the live site turns out to stop earlier.
 */
public final class CcgpSearch {
    private CcgpSearch() {}

    public static final SearchSite SITE = new SearchSite(
            "ccgp",
            URI.create("http://search.ccgp.gov.cn/bxsearch"),
            fixed(),
            "kw", "start_time", "end_time", "page_index",
            DateTimeFormatter.ofPattern("yyyy:MM:dd"),
            20, 2_000, 365,
            "ul.vT-srch-result-list-bid > li > a[href]",
            Pattern.compile("共找到\\s*([0-9,]+)\\s*条"),
            List.of("安全验证", "滑动验证", "访问过于频繁"));

    private static Map<String, String> fixed() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("searchtype", "1");
        p.put("bidSort", "0");
        p.put("buyerName", "");
        p.put("projectId", "");
        p.put("pinMu", "0");
        p.put("bidType", "0");
        p.put("dbselect", "bidx");
        p.put("timeType", "6"); // 6 = the given start_time..end_time
        p.put("displayZone", "");
        p.put("zoneId", "");
        p.put("pppStatus", "0");
        p.put("agentName", "");
        return p;
    }
}
