package io.tenderlens.source.harvest;

import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A local stand-in for a ccgp search site — search.ccgp.gov.cn and www.ccgp.gov.cn, or a provincial one in its own
 * {@link Layout} — serving the real notice pages of {@code ../shared/data/cn-notices/raw-html}, each given a
 * publication date in the seed study's range and a notice channel, found by a search that answers in the layout of
 * the site's real result page (our reconstruction, written here), with switches for the ways the real sites push
 * back: a 安全验证 captcha page, 403, 429, an empty result page, a transient 503.
 */
final class CcgpReplayServer implements AutoCloseable {
    /** How one site's search is asked and answers. */
    interface Layout {
        String searchPath();

        /** The path at which the site serves notice {@code i} of date {@code date}. */
        String noticePath(LocalDate date, int i);

        /** The search of a request: term, channel ("" for any), first and last day, page. */
        Query query(RecordedRequest request);

        /** A result page listing {@code onPage} of {@code total} results (page {@code page} of {@code pages}). */
        String resultPage(Query q, List<Notice> onPage, int total, int pages, CcgpReplayServer server);
    }

    record Query(String term, String channel, LocalDate from, LocalDate to, int page) {}

    /** search.ccgp.gov.cn/bxsearch: every channel at once, the total in 共找到 N 条内容. */
    static final Layout NATIONAL = new Layout() {
        final DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy:MM:dd");

        @Override public String searchPath() {
            return "/bxsearch";
        }

        @Override public String noticePath(LocalDate d, int i) {
            return "/cggg/dfgg/zbgg/" + d.getYear() + String.format("%02d", d.getMonthValue()) + "/t" + d.toString().replace("-", "")
                    + "_" + (1000 + i) + ".htm";
        }

        @Override public Query query(RecordedRequest r) {
            return new Query(r.getUrl().queryParameter("kw"), "", LocalDate.parse(r.getUrl().queryParameter("start_time"), date),
                    LocalDate.parse(r.getUrl().queryParameter("end_time"), date), Integer.parseInt(r.getUrl().queryParameter("page_index")));
        }

        @Override public String resultPage(Query q, List<Notice> onPage, int total, int pages, CcgpReplayServer server) {
            StringBuilder items = new StringBuilder();
            for (Notice x : onPage) {
                items.append("<li>\n<a href=\"").append(server.server.url(x.path)).append("\" style=\"line-height:18px\" target=\"_blank\">")
                        .append(x.title).append("<font color=\"red\">区块链</font></a>\n<p>……</p>\n<span>")
                        .append(x.date.toString().replace('-', '.')).append(" 10:20:12 | 采购人：某单位 | 代理机构：某代理")
                        .append("<br/>\n<strong>中标公告</strong> | 北京 | <strong></strong></span>\n</li>\n");
            }
            return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>中国政府采购网 搜索</title></head><body>\n"
                    + "<div class=\"vT_z\"><div class=\"vT-srch-result\">\n"
                    + "<p style=\"float:left\">共找到 <span style=\"color:#c00000\">" + total + "</span> 条内容</p>\n"
                    + "<ul class=\"vT-srch-result-list-bid\">\n" + items + "</ul>\n"
                    + "<p class=\"pager\"><script>Pager({size:" + pages + ", current:" + (q.page() - 1)
                    + ", prefix:'javascript:gopage', suffix:''});</script></p>\n</div></div></body></html>";
        }
    };

    /**
     * The Hebei site's TRS WAS5 search (search.hebcz.cn:8080/was5/web/search): one channel ({@code lanmu}) per query,
     * hits in {@code table#moredingannctable} rows {@code tr#biaoti}, dates in {@code td.txt1 span}, no total — a pager
     * whose {@code a.last-page} holds the last page number. Notices live under www.ccgp-hebei.gov.cn/…/t20211011_N.html.
     */
    static final Layout HEBEI = new Layout() {
        @Override public String searchPath() {
            return "/was5/web/search";
        }

        @Override public String noticePath(LocalDate d, int i) {
            return "/province/cggg/zhbgg/" + d.getYear() + String.format("%02d", d.getMonthValue()) + "/t" + d.toString().replace("-", "")
                    + "_" + (1485252 + i) + ".html";
        }

        @Override public Query query(RecordedRequest r) {
            return new Query(r.getUrl().queryParameter("sydoctitle"), r.getUrl().queryParameter("lanmu"),
                    LocalDate.parse(r.getUrl().queryParameter("fstarttime")), LocalDate.parse(r.getUrl().queryParameter("fendtime")),
                    Integer.parseInt(r.getUrl().queryParameter("page")));
        }

        @Override public String resultPage(Query q, List<Notice> onPage, int total, int pages, CcgpReplayServer server) {
            StringBuilder rows = new StringBuilder();
            for (Notice x : onPage) {
                rows.append("<tr id=\"biaoti\"><td width=\"15\"><img src=\"/img/dian.gif\"></td><td><a href=\"")
                        .append(server.server.url(x.path)).append("\" target=\"_blank\" title=\"").append(x.title).append("\">")
                        .append(x.title).append("</a></td></tr>\n<tr><td></td><td class=\"txt1\"><span>").append(x.date)
                        .append("</span>&nbsp;&nbsp;<span>河北省</span></td></tr>\n");
            }
            String base = "?channelid=240117&perpage=50&outlinepage=10&lanmu=" + q.channel() + "&fstarttime=" + q.from() + "&fendtime=" + q.to();
            String pager = pages <= 1 ? "" : "<div class=\"pagination\"><a class=\"first-page\" href=\"" + base + "&page=1\">首页</a>"
                    + (q.page() < pages ? " <a class=\"next-page\" href=\"" + base + "&page=" + (q.page() + 1) + "\">下一页</a>" : "")
                    + " <a class=\"last-page\" href=\"" + base + "&page=" + pages + "\">尾页</a></div>";
            return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>中国河北政府采购网</title>"
                    + "</head><body><table width=\"1022\" align=\"center\"><tr><td>\n"
                    + "<table id=\"moredingannctable\" width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n" + rows
                    + "</table>\n" + pager + "\n</td></tr></table></body></html>";
        }
    };

    /** @param channel the notice channel it is listed in on a site searched one channel at a time */
    record Notice(String path, LocalDate date, String title, String channel, byte[] bytes) {}

    final Layout layout;

    final MockWebServer server = new MockWebServer();
    final List<Notice> notices = new ArrayList<>();
    final int pageSize;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<String> userAgents = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();
    /** Request numbers (1-based) answered with the captcha page, 403, 429, an empty result page, or a 503. */
    volatile IntPredicate captchaAt = n -> false;
    volatile IntPredicate forbiddenAt = n -> false;
    volatile IntPredicate tooManyAt = n -> false;
    volatile IntPredicate emptyResultsAt = n -> false;
    volatile IntPredicate unavailableAt = n -> false;
    /** Request numbers answered with a page that is not a result page (a maintenance notice, a changed layout). */
    volatile IntPredicate notAResultPageAt = n -> false;
    /** Called with each request number before answering (the kill test kills its child process here). */
    volatile java.util.function.IntConsumer onRequest = n -> { };

    CcgpReplayServer(int pageSize) throws IOException {
        this(NATIONAL, pageSize);
    }

    CcgpReplayServer(Layout layout, int pageSize) throws IOException {
        this.layout = layout;
        this.pageSize = pageSize;
        List<Path> pages = new ArrayList<>();
        for (String dir : List.of("cn-notices/raw-html/ccgp.gov.cn", "cn-notices/raw-html/ccgp-hebei.gov.cn")) {
            try (Stream<Path> s = Files.list(SharedData.path(dir))) {
                s.filter(p -> !p.getFileName().toString().contains("list_page")).sorted().forEach(pages::add);
            }
        }
        LocalDate first = LocalDate.of(2016, 12, 1);
        for (int i = 0; i < pages.size(); i++) {
            LocalDate date = first.plusDays(i * 61L); // spread over 2016-12 .. 2019-06
            String name = pages.get(i).getFileName().toString();
            notices.add(new Notice(layout.noticePath(date, i), date, name.replace(".html", ""), channel(name),
                    Files.readAllBytes(pages.get(i))));
        }
        server.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest request) {
                int n = requests.incrementAndGet();
                onRequest.accept(n);
                hits.computeIfAbsent(request.getTarget(), k -> new AtomicInteger()).incrementAndGet();
                userAgents.add(request.getHeaders().get("User-Agent"));
                if (captchaAt.test(n)) {
                    return html(200, "<html><head><title>安全验证</title></head><body><div class=\"verify\">"
                            + "请完成安全验证：拖动滑块完成拼图</div></body></html>");
                }
                if (forbiddenAt.test(n)) {
                    return html(403, "<html><body>403 Forbidden</body></html>");
                }
                if (tooManyAt.test(n)) {
                    return new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("Too Many Requests").build();
                }
                if (unavailableAt.test(n)) {
                    return new MockResponse.Builder().code(503).addHeader("Connection", "close")
                            .body("<html><body>Service Unavailable</body></html>").build();
                }
                if (notAResultPageAt.test(n)) {
                    return html(200, "<html><head><title>系统维护</title></head><body><p>系统维护中，请稍后访问。</p></body></html>");
                }
                String path = request.getUrl().encodedPath();
                if (path.equals(layout.searchPath())) {
                    return search(request, emptyResultsAt.test(n));
                }
                for (Notice notice : notices) {
                    if (notice.path.equals(path)) {
                        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                                .body(new Buffer().write(notice.bytes)).build();
                    }
                }
                return html(404, "<html><body>404</body></html>");
            }
        });
        server.start(0);
    }

    String searchUrl() {
        return server.url(layout.searchPath()).toString();
    }

    /** The channel a page is listed in, from what its file name says it is. */
    private static String channel(String fileName) {
        if (fileName.contains("failed")) {
            return "fbgg";
        }
        if (fileName.contains("correction")) {
            return "gzgg";
        }
        return fileName.contains("award") || fileName.contains("deal") ? "zhbgg" : "zbgg";
    }

    int timesRequested(String pathPrefix) {
        return hits.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix)).mapToInt(e -> e.getValue().get()).sum();
    }

    private MockResponse search(RecordedRequest request, boolean empty) {
        Query q = layout.query(request);
        List<Notice> found = notices.stream()
                .filter(x -> "区块链".equals(q.term()) && (q.channel().isEmpty() || q.channel().equals(x.channel))
                        && !x.date.isBefore(q.from()) && !x.date.isAfter(q.to()))
                .sorted((a, b) -> b.date.compareTo(a.date)) // newest first, as the sites list them
                .toList();
        List<Notice> onPage = empty ? List.of()
                : found.subList(Math.min(found.size(), (q.page() - 1) * pageSize), Math.min(found.size(), q.page() * pageSize));
        int pages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
        return html(200, layout.resultPage(q, onPage, found.size(), pages, this));
    }

    private static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html; charset=utf-8")
                .body(new Buffer().write(body.getBytes(StandardCharsets.UTF_8))).build();
    }

    @Override public void close() {
        server.close();
    }
}
