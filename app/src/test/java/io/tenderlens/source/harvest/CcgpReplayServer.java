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
 * A local stand-in for search.ccgp.gov.cn and www.ccgp.gov.cn: the real notice pages of
 * {@code ../shared/data/cn-notices/raw-html}, each given a publication date in the seed study's range, found by a
 * search that answers in the layout of the real bxsearch result page (written here), with switches for the ways
 * the real site pushes back: a 安全验证 captcha page, 403, 429, an empty result page, a transient 503.
 */
final class CcgpReplayServer implements AutoCloseable {
    static final DateTimeFormatter SITE_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd");

    record Notice(String path, LocalDate date, String title, byte[] bytes) {}

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
    /** Called with each request number before answering (the kill test kills its child process here). */
    volatile java.util.function.IntConsumer onRequest = n -> { };

    CcgpReplayServer(int pageSize) throws IOException {
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
            String path = "/cggg/dfgg/zbgg/" + date.getYear() + String.format("%02d", date.getMonthValue())
                    + "/t" + date.toString().replace("-", "") + "_" + (1000 + i) + ".htm";
            String name = pages.get(i).getFileName().toString();
            notices.add(new Notice(path, date, name.replace(".html", ""), Files.readAllBytes(pages.get(i))));
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
                String path = request.getUrl().encodedPath();
                if (path.equals("/bxsearch")) {
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
        return server.url("/bxsearch").toString();
    }

    int timesRequested(String pathPrefix) {
        return hits.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix)).mapToInt(e -> e.getValue().get()).sum();
    }

    private MockResponse search(RecordedRequest request, boolean empty) {
        String kw = request.getUrl().queryParameter("kw");
        LocalDate from = LocalDate.parse(request.getUrl().queryParameter("start_time"), SITE_DATE);
        LocalDate to = LocalDate.parse(request.getUrl().queryParameter("end_time"), SITE_DATE);
        int page = Integer.parseInt(request.getUrl().queryParameter("page_index"));
        List<Notice> found = notices.stream()
                .filter(x -> "区块链".equals(kw) && !x.date.isBefore(from) && !x.date.isAfter(to))
                .sorted((a, b) -> b.date.compareTo(a.date)) // newest first, as the site lists them
                .toList();
        StringBuilder items = new StringBuilder();
        if (!empty) {
            for (Notice x : found.subList(Math.min(found.size(), (page - 1) * pageSize), Math.min(found.size(), page * pageSize))) {
                items.append("<li>\n<a href=\"").append(server.url(x.path)).append("\" style=\"line-height:18px\" target=\"_blank\">")
                        .append(x.title).append("<font color=\"red\">区块链</font></a>\n<p>……</p>\n<span>")
                        .append(x.date.toString().replace('-', '.')).append(" 10:20:12 | 采购人：某单位 | 代理机构：某代理")
                        .append("<br/>\n<strong>中标公告</strong> | 北京 | <strong></strong></span>\n</li>\n");
            }
        }
        int pages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
        String body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>中国政府采购网 搜索</title></head><body>\n"
                + "<div class=\"vT_z\"><div class=\"vT-srch-result\">\n"
                + "<p style=\"float:left\">共找到 <span style=\"color:#c00000\">" + found.size() + "</span> 条内容</p>\n"
                + "<ul class=\"vT-srch-result-list-bid\">\n" + items + "</ul>\n"
                + "<p class=\"pager\"><script>Pager({size:" + pages + ", current:" + (page - 1)
                + ", prefix:'javascript:gopage', suffix:''});</script></p>\n</div></div></body></html>";
        return html(200, body);
    }

    private static MockResponse html(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html; charset=utf-8")
                .body(new Buffer().write(body.getBytes(StandardCharsets.UTF_8))).build();
    }

    @Override public void close() {
        server.close();
    }
}
