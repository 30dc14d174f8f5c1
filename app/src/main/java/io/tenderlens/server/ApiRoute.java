package io.tenderlens.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The declaration of one API route: what the server registers and what {@code /openapi.json} documents.
 *
 * @param method  HTTP method (GET, POST, PUT, DELETE, PATCH)
 * @param path    Javalin path; path parameters written {@code {name}}, or {@code <name>} for a value that may hold '/'
 *                (an ocid, a party id)
 * @param summary one line for the OpenAPI document
 * @param tag     the group it is listed under
 * @param params  query and path parameters
 * @param body    description of the JSON request body, or {@code null} when it takes none
 */
public record ApiRoute(String method, String path, String summary, String tag, List<Param> params, String body) {
    public ApiRoute {
        method = method.toUpperCase(Locale.ROOT);
        params = List.copyOf(params);
    }

    private static final java.util.regex.Pattern PATH_PARAM = java.util.regex.Pattern.compile("\\{(\\w+)}|<(\\w+)>");

    /** The path as OpenAPI writes it: every parameter as {@code {name}}. */
    public String openApiPath() {
        return PATH_PARAM.matcher(path).replaceAll(m -> "{" + (m.group(1) != null ? m.group(1) : m.group(2)) + "}");
    }

    /** Where a parameter is read from. */
    public enum In { QUERY, PATH }

    /** A parameter: name, place, schema type ({@code string}, {@code integer}, {@code boolean}), description. */
    public record Param(String name, In in, String type, boolean required, String description) {}

    public static ApiRoute get(String path, String summary, String tag) {
        return new ApiRoute("GET", path, summary, tag, pathParams(path), null);
    }

    public static ApiRoute post(String path, String summary, String tag, String body) {
        return new ApiRoute("POST", path, summary, tag, pathParams(path), body);
    }

    public static ApiRoute delete(String path, String summary, String tag) {
        return new ApiRoute("DELETE", path, summary, tag, pathParams(path), null);
    }

    /** This route with a further query parameter. */
    public ApiRoute query(String name, String type, String description) {
        List<Param> more = new ArrayList<>(params);
        more.add(new Param(name, In.QUERY, type, false, description));
        return new ApiRoute(method, path, summary, tag, more, body);
    }

    /** This route with the paging parameters {@code limit} and {@code offset}. */
    public ApiRoute paged() {
        return query("limit", "integer", "items per page (1–" + Paging.MAX_LIMIT + ", default " + Paging.DEFAULT_LIMIT + ")")
                .query("offset", "integer", "items to skip (default 0)");
    }

    private static List<Param> pathParams(String path) {
        List<Param> out = new ArrayList<>();
        java.util.regex.Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            out.add(new Param(m.group(1) != null ? m.group(1) : m.group(2), In.PATH, "string", true, null));
        }
        return out;
    }
}
