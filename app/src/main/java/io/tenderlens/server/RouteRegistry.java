package io.tenderlens.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where {@link WebRoutes} add their routes: each API route is registered with Javalin and kept as an
 * {@link ApiRoute} for the OpenAPI document, from the one declaration.
 */
public final class RouteRegistry {
    private final RoutesConfig routes;
    private final List<ApiRoute> api = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    RouteRegistry(RoutesConfig routes) {
        this.routes = routes;
    }

    /** An API route (JSON): registered and documented in {@code /openapi.json}. */
    public RouteRegistry api(ApiRoute route, Handler handler) {
        if (!route.path().startsWith("/api/")) {
            throw new IllegalArgumentException("API routes live under /api/: " + route.path());
        }
        api.add(route);
        routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), handler);
        return this;
    }

    /** An HTML page (GET). */
    public RouteRegistry page(String path, Handler handler) {
        pages.add(path);
        routes.get(path, handler);
        return this;
    }

    /** A page route with another method, e.g. a form's POST (the token check applies). */
    public RouteRegistry form(HandlerType method, String path, Handler handler) {
        pages.add(path);
        routes.addHttpHandler(method, path, handler);
        return this;
    }

    /** The API routes declared so far, in order. */
    public List<ApiRoute> apiRoutes() {
        return Collections.unmodifiableList(api);
    }

    public List<String> pages() {
        return Collections.unmodifiableList(pages);
    }
}
