package io.tenderlens.alert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Posts the webhook deliveries a store owes. Each delivery's JSON body was fixed when the tender
 * was matched; every request carries
 * <ul>
 *   <li>{@code X-Tenderlens-Delivery}: the delivery id (the same on every retry, so a receiver can drop repeats),</li>
 *   <li>{@code X-Tenderlens-Timestamp}: seconds since the epoch when it was sent,</li>
 *   <li>{@code X-Tenderlens-Signature}: {@code sha256=} and the hex HMAC-SHA256, keyed with the webhook's
 *       secret, of {@code timestamp + "." + body} (the timestamp signed, so a captured request cannot be
 *       replayed later as new).</li>
 * </ul>
 * Redirects are not followed (a 3xx is a failure), no proxy is used, each request has a timeout, and
 * the target is checked by {@link WebhookTargets} before every attempt. A delivery is tried up to
 * {@code maxAttempts} times with doubling pauses; every attempt is logged in the store. A redirect and a 4xx
 * answer other than 408 and 429 are final. A delivery that is still pending when a run is killed is sent by
 * the next run: receivers get each match at least once, and use the delivery id to see it once.
 */
public final class WebhookSender {
    /** Pauses between attempts (a real sleep, or nothing in tests). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final String SIGNATURE_HEADER = "X-Tenderlens-Signature";
    public static final String TIMESTAMP_HEADER = "X-Tenderlens-Timestamp";
    public static final String DELIVERY_HEADER = "X-Tenderlens-Delivery";

    private final AlertStore store;
    private final WebhookTargets targets;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Pause pause;
    private final Clock clock;

    public WebhookSender(AlertStore store, WebhookTargets targets, Duration timeout, int maxAttempts, Duration firstPause,
                         Pause pause, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.pause = pause;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(timeout)
                .build();
    }

    /** Defaults: 10 s timeout, 4 attempts, pauses of 1, 2 and 4 s. */
    public static WebhookSender withDefaults(AlertStore store, WebhookTargets targets) {
        return new WebhookSender(store, targets, Duration.ofSeconds(10), 4, Duration.ofSeconds(1),
                d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    /** What a send run did. */
    public record Sent(int sent, int failed) {}

    /** Sends every pending delivery. */
    public Sent sendPending() throws InterruptedException {
        int sent = 0;
        int failed = 0;
        List<AlertStore.Delivery> pending = store.pendingDeliveries();
        for (AlertStore.Delivery d : pending) {
            Optional<AlertStore.Stored> search = store.find(d.searchId());
            if (search.isEmpty() || search.get().webhook() == null) {
                continue;
            }
            if (send(d, search.get().webhook())) {
                sent++;
            } else {
                failed++;
            }
        }
        return new Sent(sent, failed);
    }

    private boolean send(AlertStore.Delivery d, AlertStore.Webhook webhook) throws InterruptedException {
        Duration wait = firstPause;
        for (int attempt = d.attempts() + 1; ; attempt++) {
            Instant at = clock.instant();
            long start = System.nanoTime();
            Integer status = null;
            String error = null;
            boolean retry;
            try {
                URI uri = targets.check(webhook.url());
                String timestamp = String.valueOf(at.getEpochSecond());
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "tenderlens-webhook/1")
                        .header(DELIVERY_HEADER, d.deliveryId())
                        .header(TIMESTAMP_HEADER, timestamp)
                        .header(SIGNATURE_HEADER, signature(webhook.secret(), timestamp, d.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                        .build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    store.logAttempt(attempt(d, attempt, at, webhook, status, null, start), "sent");
                    return true;
                }
                error = status >= 300 && status < 400 ? "redirect not followed" : "HTTP " + status;
                retry = status >= 500 || status == 408 || status == 429;
            } catch (WebhookTargetException e) {
                error = e.getMessage();
                retry = false;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retry = true;
            }
            boolean last = !retry || attempt >= maxAttempts;
            store.logAttempt(attempt(d, attempt, at, webhook, status, error, start), last ? "failed" : "pending");
            if (last) {
                return false;
            }
            pause.sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private static AlertStore.Attempt attempt(AlertStore.Delivery d, int attempt, Instant at, AlertStore.Webhook w,
                                              Integer status, String error, long start) {
        return new AlertStore.Attempt(d.deliveryId(), d.searchId(), attempt, at, w.url(), status, error,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code sha256=} + hex HMAC-SHA256 of {@code timestamp.body} under {@code secret}: what a receiver recomputes. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A new random secret: 32 bytes, hex. */
    public static String newSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
