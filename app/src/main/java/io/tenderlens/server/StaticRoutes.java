package io.tenderlens.server;

import io.tenderlens.report.HtmlReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The stylesheets (the report's and the application's) and the one script file. */
final class StaticRoutes implements WebRoutes {
    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        byte[] css = resource("app.css");
        byte[] js = resource("app.js");
        routes.page("/static/report.css", c -> c.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(HtmlReport.CSS));
        routes.page("/static/app.css", c -> c.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(css));
        routes.page("/static/app.js", c -> c.contentType("text/javascript; charset=utf-8").header("Cache-Control", "max-age=3600").result(js));
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticRoutes.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tenderlens/server/static/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
