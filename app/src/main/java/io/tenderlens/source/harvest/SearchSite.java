package io.tenderlens.source.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The declaration of a keyword-search site of procurement notices (ccgp.gov.cn and the provincial ccgp sites share
 * this shape): where the search is, which query parameters carry the keyword, the dates and the page, how many
 * results a page and a whole query can show, and how to read a result page. Adding a site is declaring one of these
 * in a small source file; {@link SearchHarvester} does the rest.
 *
 * @param name            short name, used for the saved state and in messages
 * @param searchUrl       the search endpoint
 * @param fixedParams     query parameters sent as they are, in order
 * @param keywordParam    parameter carrying the search term
 * @param startParam      parameter carrying the first day of the window
 * @param endParam        parameter carrying the last day of the window
 * @param pageParam       parameter carrying the 1-based page number
 * @param dateFormat      how the site writes a day in {@code startParam}/{@code endParam}
 * @param pageSize        results per page
 * @param resultCap       most results the site lets a query reach; a window with more is split
 * @param maxWindowDays   longest date range the site accepts in one query
 * @param hitLinks        CSS selector of the links to notices on a result page
 * @param resultCount     pattern whose group 1 is the total number of results on a result page
 * @param blockMarkers    text of a page that means we are being blocked (a captcha)
 */
public record SearchSite(String name, URI searchUrl, Map<String, String> fixedParams, String keywordParam,
                         String startParam, String endParam, String pageParam, DateTimeFormatter dateFormat,
                         int pageSize, int resultCap, int maxWindowDays, String hitLinks, Pattern resultCount,
                         List<String> blockMarkers) {

    public SearchSite {
        fixedParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        blockMarkers = List.copyOf(blockMarkers);
    }

    /** The same site served from another address (a local replay server in tests, a mirror). */
    public SearchSite at(URI otherSearchUrl) {
        return new SearchSite(name, otherSearchUrl, fixedParams, keywordParam, startParam, endParam, pageParam, dateFormat,
                pageSize, resultCap, maxWindowDays, hitLinks, resultCount, blockMarkers);
    }

    /** The URL of one result page. */
    public URI resultPage(String term, LocalDate from, LocalDate to, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(pageParam, Integer.toString(page));
        params.putAll(fixedParams);
        params.put(keywordParam, term);
        params.put(startParam, dateFormat.format(from));
        params.put(endParam, dateFormat.format(to));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create(searchUrl + "?" + query);
    }
}
