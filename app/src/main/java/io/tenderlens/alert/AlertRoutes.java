package io.tenderlens.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.server.ApiRoute;
import io.tenderlens.server.Paging;
import io.tenderlens.server.RouteRegistry;
import io.tenderlens.server.ServerContext;
import io.tenderlens.server.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.tenderlens.report.Html.escape;

/**
 * Saved searches in the web application: the Atom feed of each ({@code GET /alerts/{id}/feed.atom}),
 * the public list ({@code GET /api/alerts}: no webhook secrets), saving and removing one
 * ({@code POST} and {@code DELETE /api/alerts…}: the server's bearer token), what each announced and why
 * ({@code GET /api/alerts/{id}/matches}), the alerts page with a
 * subscribe form (the search page links to it with its query), and a periodic alert run.
 *
 * <p>The saved searches live in {@link AlertStore}'s own database, opened for each use under one
 * lock (one use at a time in this process), so the command line can use it between requests.
 */
public final class AlertRoutes implements WebRoutes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final ApiRoute LIST = ApiRoute.get("/api/alerts", "Saved searches (alerts): definition, feed and webhook URL; never a secret", "alerts");
    static final ApiRoute SAVE = ApiRoute.post("/api/alerts", "Save a search (token required); answers with its webhook secret, once", "alerts",
            "{\"name\": \"…\", \"query\": \"title:区块链\", \"topic\": \"blockchain\", \"grades\": [\"about\"], \"from\": \"2026-01-01\","
                    + " \"to\": null, \"provinces\": [\"北京市\"], \"levels\": [\"central\"], \"sectors\": [], \"buyerKinds\": [],"
                    + " \"statuses\": [], \"webhook\": \"https://…\" (optional), \"id\": \"…\" (optional)}");
    static final ApiRoute MATCHES = ApiRoute.get("/api/alerts/{id}/matches",
            "The tenders a saved search announced, newest first, each with why it matched", "alerts").paged();
    static final ApiRoute REMOVE = ApiRoute.delete("/api/alerts/{id}", "Remove a saved search, what it announced and its webhook log (token required)", "alerts");

    /** How the server checks saved searches. */
    public record Settings(boolean allowPrivateWebhooks, Duration every, int freshDays) {
        public static Settings defaults() {
            return new Settings(false, Duration.ofMinutes(15), AlertMatcher.DEFAULT_FRESH_DAYS);
        }
    }

    private final Settings settings;
    private final Object lock = new Object();
    private final QueryMatcher queries = new QueryMatcher(SearchAnalyzer.bundled());
    private final byte[] script = resource("subscribe.js");
    private ScheduledExecutorService scheduler;

    public AlertRoutes(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/alerts", c -> page(c, ctx));
        routes.page("/alerts/subscribe.js", c -> c.contentType("text/javascript; charset=utf-8").result(script));
        routes.page("/alerts/{id}/feed.atom", c -> feed(c, ctx));
        routes.api(LIST, c -> ctx.sendJson(c, read(ctx, AlertFeeds::publicList)));
        routes.api(MATCHES, c -> matches(c, ctx));
        routes.api(SAVE, c -> save(c, ctx));
        routes.api(REMOVE, c -> remove(c, ctx));
        if (!settings.every().isZero() && !settings.every().isNegative()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tenderlens-alerts");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(() -> runQuietly(ctx), 5, settings.every().toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Checks every saved search now and sends the webhooks owed (what the periodic run does). */
    public AlertRunner.RunCounts runNow(ServerContext ctx) throws InterruptedException {
        synchronized (lock) {
            try (AlertStore alerts = AlertStore.open(ctx.dataDirectory())) {
                AlertRunner.RunCounts counts = new AlertRunner(alerts, ctx.db().store(), new AlertMatcher(settings.freshDays()), queries,
                        Clock.systemDefaultZone()).run(p -> LOG.warn("alerts: {}", p));
                new WebhookSender(alerts, WebhookTargets.system(settings.allowPrivateWebhooks()), Duration.ofSeconds(5), 3,
                        Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()), Clock.systemUTC()).sendPending();
                return counts;
            }
        }
    }

    private void runQuietly(ServerContext ctx) {
        try {
            AlertRunner.RunCounts c = runNow(ctx);
            if (c.announced() > 0) {
                LOG.info("alerts: {} new matches for {} saved searches", c.announced(), c.searches());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("alerts: the periodic run failed: {}", e.getMessage());
        }
    }

    private <T> T read(ServerContext ctx, Function<AlertStore, T> reader) {
        synchronized (lock) {
            try (AlertStore alerts = AlertStore.openReadOnly(ctx.dataDirectory())) {
                return reader.apply(alerts);
            }
        }
    }

    private void feed(Context c, ServerContext ctx) {
        String base = c.scheme() + "://" + c.host();
        String xml = read(ctx, a -> AlertFeeds.feed(a, c.pathParam("id"), base, AlertFeeds.ENTRIES))
                .orElseThrow(() -> new NotFoundResponse("no saved search '" + c.pathParam("id") + "'"));
        c.contentType("application/atom+xml; charset=utf-8").result(xml);
    }

    private void matches(Context c, ServerContext ctx) {
        Paging paging = Paging.of(c);
        String id = c.pathParam("id");
        ObjectNode out = read(ctx, alerts -> alerts.find(id).map(s -> {
            ObjectNode o = JSON.createObjectNode();
            o.set("search", AlertFeeds.publicView(s));
            o.put("total", alerts.announced(id).size()).put("limit", paging.limit()).put("offset", paging.offset());
            var list = o.putArray("matches");
            for (AtomFeed.Entry e : alerts.announcements(id, paging.limit(), paging.offset())) {
                list.add(e.match().toJson().put("announcedAt", e.announcedAt().toString()));
            }
            return o;
        }).orElseThrow(() -> new NotFoundResponse("no saved search '" + id + "'")));
        ctx.sendJson(c, out);
    }

    private void save(Context c, ServerContext ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(c.body());
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the request body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestResponse("the request body must be a JSON object (see /openapi.json)");
        }
        AlertStore.Stored saved;
        try {
            String id = body.path("id").asText("");
            SavedSearch search = SavedSearch.fromJson(body, id.isBlank() ? AlertRegistration.newId() : id, "request body");
            String webhook = body.path("webhook").isTextual() ? body.path("webhook").asText() : null;
            synchronized (lock) {
                try (AlertStore alerts = AlertStore.open(ctx.dataDirectory())) {
                    if (alerts.find(search.id()).isPresent()) {
                        throw new ConflictResponse("a saved search with id '" + search.id() + "' exists already");
                    }
                    saved = AlertRegistration.register(alerts, search, webhook, WebhookTargets.system(settings.allowPrivateWebhooks()),
                            queries, Instant.now());
                }
            }
        } catch (IllegalArgumentException | WebhookTargetException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (SearchQueryException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        ObjectNode out = AlertFeeds.publicView(saved);
        if (saved.webhook() != null) {
            out.put("webhookSecret", saved.webhook().secret());
        }
        c.status(201).header("Location", "/alerts/" + saved.search().id() + "/feed.atom");
        ctx.sendJson(c, out);
    }

    private void remove(Context c, ServerContext ctx) {
        boolean removed;
        synchronized (lock) {
            try (AlertStore alerts = AlertStore.open(ctx.dataDirectory())) {
                removed = alerts.remove(c.pathParam("id"));
            }
        }
        if (!removed) {
            throw new NotFoundResponse("no saved search '" + c.pathParam("id") + "'");
        }
        c.status(204);
    }

    /** The alerts page: the saved searches with their feeds, and the subscribe form (filled from {@code ?q=}). */
    private void page(Context c, ServerContext ctx) {
        String q = c.queryParam("q") == null ? "" : c.queryParam("q").strip();
        StringBuilder b = new StringBuilder("<h1>订阅 Alerts</h1><p class=\"meta\">")
                .append(escape("新的招标公告一经匹配即写入订阅源（Atom）并可推送到 webhook。"
                        + " New tenders that match a saved search appear in its Atom feed and can be posted to a webhook."))
                .append("</p><table class=\"alerts\"><thead><tr><th>名称 Name</th><th>检索式 Query</th><th>主题 Topic</th><th>订阅源 Feed</th></tr></thead><tbody>");
        JsonNode saved = read(ctx, AlertFeeds::publicList);
        if (saved.isEmpty()) {
            b.append("<tr><td colspan=\"4\">").append(escape("暂无订阅 No saved searches yet")).append("</td></tr>");
        }
        for (JsonNode s : saved) {
            b.append("<tr><td>").append(escape(s.path("name").asText())).append("</td><td>").append(escape(s.path("query").asText("")))
                    .append("</td><td>").append(escape(s.path("topic").asText(""))).append("</td><td><a href=\"")
                    .append(escape(s.path("feed").asText())).append("\">Atom</a></td></tr>");
        }
        b.append("</tbody></table><h2>订阅此搜索 Subscribe to a search</h2>")
                .append("<form id=\"subscribe\" class=\"filters\" method=\"post\" action=\"/api/alerts\">")
                .append(field("name", "名称 Name", q.isEmpty() ? "" : q, "text", true))
                .append(field("query", "检索式 Query", q, "search", false))
                .append(field("topic", "主题 Topic (blockchain)", "", "text", false))
                .append(field("provinces", "地区 Provinces (北京市, Guangdong…)", "", "text", false))
                .append(field("levels", "层级 Level (central, local)", "", "text", false))
                .append(field("buyerKinds", "采购人类型 Buyer kind", "", "text", false))
                .append(field("webhook", "Webhook URL (https://…)", "", "url", false))
                .append(field("token", "令牌 API token", "", "password", true))
                .append("<button type=\"submit\">订阅 Subscribe</button></form>")
                .append("<p id=\"subscribe-result\" role=\"status\"></p>")
                .append("<script src=\"/alerts/subscribe.js\" defer></script>");
        ctx.sendPage(c, "订阅 Alerts", "/alerts", b.toString());
    }

    private static String field(String name, String label, String value, String type, boolean required) {
        return "<label>" + escape(label) + "<input name=\"" + name + "\" type=\"" + type + "\" value=\"" + escape(value) + "\""
                + (required ? " required" : "") + (type.equals("password") ? " autocomplete=\"off\"" : "") + "></label>";
    }

    private static byte[] resource(String name) {
        try (InputStream in = AlertRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tenderlens/alert/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
