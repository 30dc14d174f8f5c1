package io.tenderlens.source.harvest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The one way harvesters talk to a site: at most one request per {@link HarvestSettings#delay}, retries of network
 * errors and 5xx answers with exponential backoff and full jitter, an honest User-Agent, conditional requests, each
 * URL at most once per run, and block detection (403, 429, or a page carrying a block marker such as the
 * 安全验证 captcha page) that stops the harvest instead of hammering on.
 */
public final class PoliteClient {
    /** Waits; replaced in tests so that nothing sleeps. */
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final HttpClient http;
    private final HarvestSettings settings;
    private final List<String> blockMarkers;
    private final Pause pause;
    private final Random jitter;
    private final Set<URI> fetched = new HashSet<>();
    private long lastRequestNanos;
    private int requests;

    public PoliteClient(HarvestSettings settings, List<String> blockMarkers) {
        this(settings, blockMarkers, d -> Thread.sleep(d.toMillis()), new Random());
    }

    PoliteClient(HarvestSettings settings, List<String> blockMarkers, Pause pause, Random jitter) {
        this.settings = settings;
        this.blockMarkers = List.copyOf(blockMarkers);
        this.pause = pause;
        this.jitter = jitter;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Whether {@code uri} was already fetched in this run. */
    public boolean fetchedThisRun(URI uri) {
        return fetched.contains(uri);
    }

    /** Number of HTTP requests sent, retries included. */
    public int requests() {
        return requests;
    }

    /**
     * Fetches {@code uri}, conditionally when {@code known} validators are given.
     *
     * @throws HarvestBlockedException when the site refuses or blocks us, or retries are exhausted
     * @throws IllegalStateException when the URL was already fetched in this run and refetching was not asked for
     */
    public Fetched get(URI uri, Validators known) throws HarvestBlockedException, InterruptedException {
        if (!settings.refetch() && !fetched.add(uri)) {
            throw new IllegalStateException("already fetched in this run: " + uri);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        String lastFailure = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration wait = attempt > 0 ? backoff(attempt) : Duration.ZERO;
            if (!wait.isZero()) {
                pause.pause(wait);
            }
            waitForTurn();
            HttpResponse<byte[]> response;
            try {
                requests++;
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                lastFailure = "network error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
                continue;
            }
            int status = response.statusCode();
            if (status == 403 || status == 429) {
                String retryAfter = response.headers().firstValue("Retry-After").map(v -> " (Retry-After: " + v + ")").orElse("");
                throw new HarvestBlockedException(uri.toString(), "the site refused us with HTTP " + status + retryAfter);
            }
            if (status >= 500 || status == 408) {
                lastFailure = "HTTP " + status;
                continue;
            }
            Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            if (status == 304) {
                return new Fetched(uri, status, new byte[0], java.util.Optional.empty(), known, true);
            }
            if (status >= 400) {
                throw new HarvestBlockedException(uri.toString(), "HTTP " + status + " for a page we expected to exist");
            }
            byte[] body = response.body();
            String marker = blockMarker(body);
            if (marker != null) {
                throw new HarvestBlockedException(uri.toString(), "the site answered with a '" + marker
                        + "' page (a captcha): it wants a human");
            }
            return new Fetched(uri, status, body, response.headers().firstValue("Content-Type"), validators, false);
        }
        throw new HarvestBlockedException(uri.toString(), "gave up after " + (settings.retries() + 1) + " attempts, last: " + lastFailure);
    }

    private String blockMarker(byte[] body) {
        if (blockMarkers.isEmpty() || body.length > 1 << 20) {
            return null; // captcha pages are small; large bodies are data
        }
        String utf8 = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String gb = new String(body, GB18030);
        for (String marker : blockMarkers) {
            if (utf8.contains(marker) || gb.contains(marker)) {
                return marker;
            }
        }
        return null;
    }

    /** Exponential backoff with full jitter: a random wait in [0, min(max, base * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(settings.maxBackoff().toMillis(), settings.backoff().toMillis() << Math.min(attempt - 1, 20));
        return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis((long) (jitter.nextDouble() * ceiling));
    }

    private void waitForTurn() throws InterruptedException {
        long delay = settings.delay().toNanos();
        if (delay > 0 && lastRequestNanos != 0) {
            long wait = lastRequestNanos + delay - System.nanoTime();
            if (wait > 0) {
                pause.pause(Duration.ofNanos(wait));
            }
        }
        lastRequestNanos = System.nanoTime();
    }
}
