package io.tenderlens.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** The OpenAPI 3 document, generated from the {@link ApiRoute} declarations the server registered. */
public final class OpenApi {
    private OpenApi() {}

    public static ObjectNode document(List<ApiRoute> routes, ObjectMapper json) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "tenderlens API");
        info.put("version", "0.1.0");
        info.put("description", "Procurement records (OCDS), search, overview metrics, buyers and suppliers. Reading is public;"
                + " a request that changes state needs the header Authorization: Bearer <token> (the token file is named when the server starts).");
        ObjectNode security = doc.putObject("components").putObject("securitySchemes").putObject("bearer");
        security.put("type", "http");
        security.put("scheme", "bearer");
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute r : routes) {
            String path = r.openApiPath();
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode op = item.putObject(r.method().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary());
            op.putArray("tags").add(r.tag());
            op.put("operationId", r.method().toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
            if (!r.params().isEmpty()) {
                ArrayNode params = op.putArray("parameters");
                for (ApiRoute.Param p : r.params()) {
                    ObjectNode pn = params.addObject();
                    pn.put("name", p.name());
                    pn.put("in", p.in().name().toLowerCase(Locale.ROOT));
                    pn.put("required", p.required());
                    if (p.description() != null) {
                        pn.put("description", p.description());
                    }
                    pn.putObject("schema").put("type", p.type());
                }
            }
            if (r.body() != null) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", true);
                body.put("description", r.body());
                body.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            }
            if (!r.method().equals("GET")) {
                op.putArray("security").addObject().putArray("bearer");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK (JSON)");
            responses.putObject("400").put("description", "bad parameter");
            if (!r.method().equals("GET")) {
                responses.putObject("401").put("description", "no or wrong bearer token");
            }
        }
        return doc;
    }
}
