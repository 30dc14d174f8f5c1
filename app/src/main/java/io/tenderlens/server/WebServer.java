package io.tenderlens.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

import static io.tenderlens.report.Html.escape;

/**
 * The web application: Javalin on 127.0.0.1, the routes of every {@link WebRoutes} (the built-in ones,
 * then those found with {@link ServiceLoader}, then any given), security headers on every response and
 * the bearer token on every request that is not a read.
 */
public final class WebServer implements AutoCloseable {
    /** The application's own route sets, in registration order. */
    public static final List<Supplier<WebRoutes>> BUILT_IN = List.of(
            StaticRoutes::new, OverviewRoutes::new, SearchRoutes::new, ProjectRoutes::new, PartyRoutes::new, LiveRoutes::new,
            RecordRoutes::new, ApiDocRoutes::new);

    /** Every response carries these. The CSP admits scripts and styles from this server only: no inline script runs. */
    static final List<String[]> SECURITY_HEADERS = List.of(
            new String[]{"Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
            new String[]{"X-Content-Type-Options", "nosniff"},
            new String[]{"Referrer-Policy", "no-referrer"},
            new String[]{"X-Frame-Options", "DENY"},
            new String[]{"Cross-Origin-Opener-Policy", "same-origin"},
            new String[]{"Cross-Origin-Resource-Policy", "same-origin"},
            new String[]{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"});

    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final List<ApiRoute> apiRoutes;

    private WebServer(Javalin app, List<ApiRoute> apiRoutes) {
        this.app = app;
        this.apiRoutes = apiRoutes;
    }

    /**
     * Starts the server on {@code host}:{@code port} (0: any free port).
     *
     * @param extra route sets besides the built-in and service-loaded ones (tests, embedding)
     */
    public static WebServer start(ServerContext ctx, ApiToken token, String host, int port, List<WebRoutes> extra) {
        List<WebRoutes> all = new ArrayList<>();
        BUILT_IN.forEach(s -> all.add(s.get()));
        ServiceLoader.load(WebRoutes.class).forEach(all::add);
        all.addAll(extra);
        List<ApiRoute> declared = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.before(c -> {
                SECURITY_HEADERS.forEach(h -> c.header(h[0], h[1]));
                if (!READS.contains(c.method()) && !token.accepts(c.header("Authorization"))) {
                    c.header("WWW-Authenticate", "Bearer realm=\"tenderlens\"");
                    throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                            "this request changes state: send Authorization: Bearer <token> (the token file is named when the server starts)");
                }
            });
            config.routes.exception(HttpResponseException.class, (e, c) -> error(c, e.getStatus(), e.getMessage()));
            config.routes.exception(SearchQueryException.class, (e, c) -> error(c, 400, e.getMessage()));
            config.routes.exception(StoreException.class, (e, c) -> {
                LOG.error("store error on {}", c.path(), e);
                error(c, 503, "the database could not answer: " + e.getMessage());
            });
            config.routes.exception(Exception.class, (e, c) -> {
                LOG.error("error on {}", c.path(), e);
                error(c, 500, "internal error");
            });
            config.routes.error(404, c -> {
                if (c.result() == null || c.result().isEmpty()) {
                    error(c, 404, "not found: " + c.path());
                }
            });
            RouteRegistry registry = new RouteRegistry(config.routes);
            for (WebRoutes routes : all) {
                routes.register(registry, ctx);
            }
            declared.addAll(registry.apiRoutes());
        });
        app.start();
        return new WebServer(app, List.copyOf(declared));
    }

    /** An error as JSON under /api/ and /openapi.json, else as a page. */
    private static void error(Context c, int status, String message) {
        c.status(status);
        if (c.path().startsWith("/api/") || c.path().endsWith(".json")) {
            c.contentType("application/json; charset=utf-8")
                    .result("{\"status\":" + status + ",\"error\":" + jsonString(message) + "}");
        } else {
            c.html("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status
                    + "</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main class=\"site\"><h1>" + status
                    + "</h1><p class=\"error\">" + escape(message) + "</p><p><a href=\"/\">概览 Overview</a></p></main></body></html>");
        }
    }

    private static String jsonString(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s)) + "\"";
    }

    public int port() {
        return app.port();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The API routes registered (what /openapi.json documents). */
    public List<ApiRoute> apiRoutes() {
        return apiRoutes;
    }

    /** The Javalin instance (tests read its router). */
    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
