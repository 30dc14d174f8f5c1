package io.tenderlens.server;

import static io.tenderlens.report.Html.escape;

/** {@code /openapi.json} (generated from the registered declarations) and {@code /api}, a page listing them. */
final class ApiDocRoutes implements WebRoutes {
    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/openapi.json", c -> ctx.sendJson(c, OpenApi.document(routes.apiRoutes(), ctx.json())));
        routes.page("/api", c -> {
            StringBuilder b = new StringBuilder("<h1>接口 API</h1><p>")
                    .append(escape("JSON，分页参数 limit/offset；记录以 OCDS 格式输出。读取公开；修改需 Authorization: Bearer <token>。"
                            + " JSON, paginated with limit/offset; records come out as OCDS. Reading is public; changes need Authorization: Bearer <token>."))
                    .append(" <a href=\"/openapi.json\">OpenAPI 3</a></p><div class=\"table\"><table><thead><tr><th>方法 method</th><th>路径 path</th>")
                    .append("<th>说明 summary</th><th>参数 parameters</th></tr></thead><tbody>");
            for (ApiRoute r : routes.apiRoutes()) {
                b.append("<tr><td>").append(escape(r.method())).append("</td><td><code>").append(escape(r.path())).append("</code></td><td>")
                        .append(escape(r.summary())).append("</td><td>")
                        .append(escape(String.join(", ", r.params().stream().map(ApiRoute.Param::name).toList()))).append("</td></tr>");
            }
            ctx.sendPage(c, "接口 API", "/api", b.append("</tbody></table></div>").toString());
        });
    }
}
