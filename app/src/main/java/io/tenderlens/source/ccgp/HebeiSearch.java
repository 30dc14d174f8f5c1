package io.tenderlens.source.ccgp;

import io.tenderlens.source.harvest.SearchSite;

/**
 * The search of the Hebei government procurement site (中国河北政府采购网, www.ccgp-hebei.gov.cn), a TRS WAS5 search
 * at search.hebcz.cn:8080/was5/web/search: one notice channel ({@code lanmu}) per query — calls for tender (zbgg),
 * awards (zhbgg), failed and cancelled (fbgg), corrections (gzgg), single source (dyly) — keyword in the title
 * ({@code sydoctitle}), dates {@code fstarttime}/{@code fendtime} written {@code 2021-10-11}, 50 hits a page
 * ({@code perpage}). Hits are the links of {@code table#moredingannctable tr#biaoti}; the page shows no total, only a
 * pager whose {@code a.last-page} carries the last page number. Window limit and result cap are our assumptions
 * (the site states neither).
 */
public final class HebeiSearch {
    private HebeiSearch() {}

    public static final SearchSite SITE = SearchSite.builder("ccgp-hebei", "http://search.hebcz.cn:8080/was5/web/search")
            .fixed("channelid", "240117").fixed("perpage", "50").fixed("outlinepage", "10")
            .channels("lanmu", "zbgg", "zhbgg", "fbgg", "gzgg", "dyly")
            .keyword("sydoctitle")
            .dates("fstarttime", "fendtime", "yyyy-MM-dd")
            .paging("page", 50, 5_000, 365)
            .results("table#moredingannctable", "tr#biaoti a[href]")
            .lastPageLink("a.last-page[href]")
            .blockedWhen("安全验证", "滑动验证", "访问过于频繁")
            .build();
}
