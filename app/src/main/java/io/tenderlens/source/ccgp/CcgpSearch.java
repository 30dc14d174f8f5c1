package io.tenderlens.source.ccgp;

import io.tenderlens.source.harvest.SearchSite;

/**
 * The search of the China Government Procurement Network (中国政府采购网), search.ccgp.gov.cn/bxsearch: all notice
 * types ({@code bidType=0}), all regions, keyword, dates written {@code 2019:09:24}, 20 hits a page in
 * {@code ul.vT-srch-result-list-bid}, the total in "共找到 N 条内容". The site accepts at most a year per query.
 * The result cap is our assumption, to be lowered if the live site turns out to stop earlier.
 */
public final class CcgpSearch {
    private CcgpSearch() {}

    public static final SearchSite SITE = SearchSite.builder("ccgp", "http://search.ccgp.gov.cn/bxsearch")
            .fixed("searchtype", "1").fixed("bidSort", "0").fixed("buyerName", "").fixed("projectId", "")
            .fixed("pinMu", "0").fixed("bidType", "0").fixed("dbselect", "bidx")
            .fixed("timeType", "6") // 6 = the given start_time..end_time
            .fixed("displayZone", "").fixed("zoneId", "").fixed("pppStatus", "0").fixed("agentName", "")
            .keyword("kw")
            .dates("start_time", "end_time", "yyyy:MM:dd")
            .paging("page_index", 20, 2_000, 365)
            .results("ul.vT-srch-result-list-bid", "li > a[href]")
            .resultCount("共找到\\s*([0-9,]+)\\s*条")
            .blockedWhen("安全验证", "滑动验证", "访问过于频繁")
            .build();
}
