package io.tenderlens.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered responses by key (route, filter, query, page). The store does not change while the server has
 * it open, so a view once rendered is sent again as it is: under load, repeated views cost no search,
 * no metrics, no rendering and no encoding (bodies are kept as UTF-8 bytes). Bounded: when full it starts afresh.
 */
final class RenderCache {
    private final int limit;
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    RenderCache(int limit) {
        this.limit = limit;
    }

    byte[] get(String key, Supplier<String> render) {
        byte[] body = rendered.get(key);
        if (body == null) {
            body = render.get().getBytes(StandardCharsets.UTF_8);
            if (rendered.size() >= limit) {
                rendered.clear();
            }
            rendered.put(key, body);
        }
        return body;
    }
}
