package io.tenderlens.server;

/**
 * The extension point of the web application: a package that serves pages or API routes implements
 * this and is added to {@link WebServer#BUILT_IN} (or listed in
 * {@code META-INF/services/io.tenderlens.server.WebRoutes}, read with {@link java.util.ServiceLoader}).
 *
 * <p>Every route is declared through the {@link RouteRegistry}: an API route with its
 * {@link ApiRoute} (method, path, summary, parameters) — the same declaration the OpenAPI document at
 * {@code /openapi.json} is generated from, so the two cannot drift — and a page with its path.
 * Reading (GET) is public; the server refuses any other method without
 * {@code Authorization: Bearer <token>} before a handler runs, so a route that changes state needs no
 * check of its own. Security headers are added to every response by the server.
 *
 * <pre>{@code
 * public final class AlertRoutes implements WebRoutes {
 *     public void register(RouteRegistry routes, ServerContext ctx) {
 *         routes.api(ApiRoute.post("/api/alerts", "Save a search", "alerts"), c -> ...);
 *         routes.page("/alerts", c -> c.html(ctx.layout().page("订阅 Alerts", body)));
 *     }
 * }
 * }</pre>
 */
public interface WebRoutes {
    /** Adds this package's routes. Called once, while the server is configured. */
    void register(RouteRegistry routes, ServerContext ctx);
}
