package io.tenderlens.server;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** {@code limit} and {@code offset} of a paginated list, read from the query string and checked. */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    /** Deepest offset served: deeper pages are for an export, not a browser. */
    public static final int MAX_OFFSET = 10_000;

    public static Paging of(Context ctx) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT);
        int offset = number(ctx, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestResponse("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new BadRequestResponse("offset must be between 0 and " + MAX_OFFSET);
        }
        return new Paging(limit, offset);
    }

    private static int number(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number, not '" + v + "'");
        }
    }

    /** The first item after this page. */
    public int end() {
        return offset + limit;
    }
}
