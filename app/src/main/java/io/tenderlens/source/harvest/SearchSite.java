package io.tenderlens.source.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of a keyword-search site of procurement notices (ccgp.gov.cn and the provincial ccgp sites share
 * this shape): where the search is, which query parameters carry the keyword, the dates, the page and (on sites that
 * search one notice channel at a time) the channel, how many results a page and a whole query can show, and how to
 * read a result page. Adding a site is declaring one of these with {@link #builder} in a small source file and
 * listing it in {@code io.tenderlens.source.ccgp.SearchSites}; {@link SearchHarvester} does the windows, paging, retries and resuming.
 *
 * @param name          short name, used for the saved state, {@code --site} and in messages
 * @param searchUrl     the search endpoint
 * @param fixedParams   query parameters sent as they are, in order
 * @param channelParam  parameter choosing a notice channel, or empty when one query covers every channel
 * @param channels      the channels searched one after another (empty: none)
 * @param keywordParam  parameter carrying the search term
 * @param startParam    parameter carrying the first day of the window
 * @param endParam      parameter carrying the last day of the window
 * @param pageParam     parameter carrying the 1-based page number
 * @param dateFormat    how the site writes a day in {@code startParam}/{@code endParam}
 * @param pageSize      results per page
 * @param resultCap     most results the site lets a query reach; a window with more is split
 * @param maxWindowDays longest date range the site accepts in one query
 * @param resultList    CSS selector of the result list: a page without it (and without a count) is not a result page
 * @param hitLinks      CSS selector, inside the result list, of the links to notices
 * @param resultCount   pattern whose group 1 is the total number of results, or null when the site shows none
 * @param lastPageLink  CSS selector of the link to the last result page (its {@code pageParam} is the page count), or
 *                      empty; used when there is no result count
 * @param blockMarkers  text of a page that means we are being blocked (a captcha)
 */
public record SearchSite(String name, URI searchUrl, Map<String, String> fixedParams, String channelParam,
                         List<String> channels, String keywordParam, String startParam, String endParam, String pageParam,
                         DateTimeFormatter dateFormat, int pageSize, int resultCap, int maxWindowDays, String resultList,
                         String hitLinks, Pattern resultCount, String lastPageLink, List<String> blockMarkers) {

    public SearchSite {
        fixedParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        channels = List.copyOf(channels);
        blockMarkers = List.copyOf(blockMarkers);
        if (resultCount == null && lastPageLink.isEmpty()) {
            throw new IllegalArgumentException(name + ": declare a result count pattern or a last-page link");
        }
        if (channels.isEmpty() != channelParam.isEmpty()) {
            throw new IllegalArgumentException(name + ": a channel parameter needs channels, and channels a parameter");
        }
    }

    public static Builder builder(String name, String searchUrl) {
        return new Builder(name, URI.create(searchUrl));
    }

    /** The same site served from another address (a local replay server in tests, a mirror). */
    public SearchSite at(URI otherSearchUrl) {
        return new SearchSite(name, otherSearchUrl, fixedParams, channelParam, channels, keywordParam, startParam, endParam,
                pageParam, dateFormat, pageSize, resultCap, maxWindowDays, resultList, hitLinks, resultCount, lastPageLink,
                blockMarkers);
    }

    /** The same site with another page size and result cap (tests make windows split with small ones). */
    public SearchSite withPaging(int otherPageSize, int otherResultCap) {
        return new SearchSite(name, searchUrl, fixedParams, channelParam, channels, keywordParam, startParam, endParam,
                pageParam, dateFormat, otherPageSize, otherResultCap, maxWindowDays, resultList, hitLinks, resultCount,
                lastPageLink, blockMarkers);
    }

    /** The channels to search: the declared ones, or one unnamed channel (the empty string). */
    public List<String> channelsToSearch() {
        return channels.isEmpty() ? List.of("") : channels;
    }

    /** The URL of one result page; {@code channel} is empty on a site without channels. */
    public URI resultPage(String term, String channel, LocalDate from, LocalDate to, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(pageParam, Integer.toString(page));
        params.putAll(fixedParams);
        if (!channelParam.isEmpty()) {
            params.put(channelParam, channel);
        }
        params.put(keywordParam, term);
        params.put(startParam, dateFormat.format(from));
        params.put(endParam, dateFormat.format(to));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create(searchUrl + "?" + query);
    }

    /** Declares a site step by step; every part without a default must be given. */
    public static final class Builder {
        private final String name;
        private final URI searchUrl;
        private final Map<String, String> fixed = new LinkedHashMap<>();
        private String channelParam = "";
        private final List<String> channels = new ArrayList<>();
        private String keywordParam;
        private String startParam;
        private String endParam;
        private DateTimeFormatter dateFormat;
        private String pageParam;
        private int pageSize;
        private int resultCap;
        private int maxWindowDays;
        private String resultList;
        private String hitLinks;
        private Pattern resultCount;
        private String lastPageLink = "";
        private final List<String> blockMarkers = new ArrayList<>();

        private Builder(String name, URI searchUrl) {
            this.name = name;
            this.searchUrl = searchUrl;
        }

        /** A query parameter sent as it is. */
        public Builder fixed(String param, String value) {
            fixed.put(param, value);
            return this;
        }

        /** The site searches one channel (notice type) at a time: each of these, in turn. */
        public Builder channels(String param, String... values) {
            channelParam = param;
            channels.addAll(List.of(values));
            return this;
        }

        public Builder keyword(String param) {
            keywordParam = param;
            return this;
        }

        /** The window's first and last day, written with {@code pattern} (DateTimeFormatter). */
        public Builder dates(String startParam, String endParam, String pattern) {
            this.startParam = startParam;
            this.endParam = endParam;
            this.dateFormat = DateTimeFormatter.ofPattern(pattern);
            return this;
        }

        /** The 1-based page parameter, results per page, the most results a query can reach, the longest window. */
        public Builder paging(String param, int pageSize, int resultCap, int maxWindowDays) {
            this.pageParam = param;
            this.pageSize = pageSize;
            this.resultCap = resultCap;
            this.maxWindowDays = maxWindowDays;
            return this;
        }

        /** Where the results are: the list's selector, and the notice links' selector inside it. */
        public Builder results(String listSelector, String hitLinkSelector) {
            resultList = listSelector;
            hitLinks = hitLinkSelector;
            return this;
        }

        /** The total number of results: group 1 of this pattern, in the page's text. */
        public Builder resultCount(String regex) {
            resultCount = Pattern.compile(regex);
            return this;
        }

        /** No total is shown: the page count is the page parameter of the link to the last page. */
        public Builder lastPageLink(String selector) {
            lastPageLink = selector;
            return this;
        }

        /** Text that means the site is blocking us (a captcha page). */
        public Builder blockedWhen(String... markers) {
            blockMarkers.addAll(List.of(markers));
            return this;
        }

        public SearchSite build() {
            return new SearchSite(name, searchUrl, fixed, channelParam, channels, Objects.requireNonNull(keywordParam, "keyword"),
                    Objects.requireNonNull(startParam, "dates"), endParam, Objects.requireNonNull(pageParam, "paging"), dateFormat,
                    pageSize, resultCap, maxWindowDays, Objects.requireNonNull(resultList, "results"), hitLinks, resultCount,
                    lastPageLink, blockMarkers);
        }
    }
}
