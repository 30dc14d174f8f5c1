package io.tenderlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load test of {@code tenderlens serve}: CLIENTS threads (a fixed pool; each sends its next request as soon
 * as the last one is answered) for SECONDS against BASE (loopback), over a seeded mix of the pages and API
 * routes a visitor uses — the overview under filter combinations, search with the query mix of
 * bench/search.sh, project pages, buyer and supplier profiles, open tenders, record lists. Ocids and party
 * ids are found first through the API ({@code /api/records}). Prints, per endpoint, requests, errors (any
 * status other than 200, or no answer within the timeout), p50, p90, p99 and max latency; then the totals.
 *
 * <p>Usage: {@code LoadTest BASE [clients=100] [seconds=60] [seed=7] [endpoints=.*]}: the last, a regular expression,
 * keeps the endpoints whose name it finds (e.g. {@code overview|search}). With 0 clients it prints the mix
 * (endpoint, tab, path per line) and stops.
 */
public final class LoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Filter combinations of the overview (the parameters of the server's OverviewFilter). */
    private static final List<String> FILTERS = List.of("", "level=central", "province=440000", "province=440000&level=local",
            "from=2020-01-01&to=2022-12-31", "status=closed", "buyerKind=education", "status=bidding&province=320000",
            "level=central&from=2019-01-01", "buyerKind=health&status=closed", "province=110000&from=2021-01-01", "level=local&buyerKind=government");

    private record Target(String endpoint, String path) {}

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/+$", "");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 4 ? args[4] : ".*");
        List<Target> mix = mix(http, base, seed).stream().filter(t -> only.matcher(t.endpoint()).find()).toList();
        if (clients == 0) {
            // the mix alone, for another client (bench/load.sh with CLIENT=wrk)
            mix.forEach(t -> System.out.println(t.endpoint() + "\t" + t.path()));
            return;
        }
        System.out.printf(Locale.ROOT, "%d clients for %d s against %s; %d distinct requests in the mix; load average %s%n",
                clients, seconds, base, mix.size(), Machine.loadAverage());
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        Map<String, String> firstError = new ConcurrentHashMap<>();
        long cpu = Machine.processCpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 1000 + c);
            running.add(pool.submit(() -> {
                Map<String, List<Long>> mine = new LinkedHashMap<>();
                while (System.nanoTime() < end) {
                    Target t = mix.get(random.nextInt(mix.size()));
                    long t0 = System.nanoTime();
                    String problem = null;
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + t.path())).timeout(TIMEOUT).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            problem = "HTTP " + r.statusCode() + " for " + t.path();
                        }
                    } catch (IOException e) {
                        problem = e + " for " + t.path();
                    }
                    long nanos = System.nanoTime() - t0;
                    if (problem != null) {
                        errors.computeIfAbsent(t.endpoint(), k -> new AtomicLong()).incrementAndGet();
                        firstError.putIfAbsent(t.endpoint(), problem);
                    } else {
                        mine.computeIfAbsent(t.endpoint(), k -> new ArrayList<>()).add(nanos);
                    }
                }
                mine.forEach((k, v) -> latencies.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(v));
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double clientCpu = (Machine.processCpuNanos() - cpu) / 1e9;

        System.out.printf(Locale.ROOT, "%n| endpoint | requests | errors | p50 ms | p90 ms | p99 ms | max ms |%n| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        Set<String> endpoints = new LinkedHashSet<>();
        mix.forEach(t -> endpoints.add(t.endpoint()));
        long total = 0;
        long totalErrors = 0;
        List<Long> all = new ArrayList<>();
        for (String e : endpoints) {
            long[] ms = latencies.getOrDefault(e, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
            long err = errors.getOrDefault(e, new AtomicLong()).get();
            total += ms.length + err;
            totalErrors += err;
            Arrays.stream(ms).forEach(all::add);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", e, ms.length + err, err,
                    pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6);
        }
        long[] everything = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| **all** | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", total, totalErrors,
                pct(everything, 50), pct(everything, 90), pct(everything, 99), everything.length == 0 ? 0 : everything[everything.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "%n%d requests in %.1f s: %.0f requests/s, %d errors; load test client CPU %.1f s; load average at the end %s%n",
                total, elapsed, total / elapsed, totalErrors, clientCpu, Machine.loadAverage());
        firstError.forEach((e, p) -> System.out.println("first error of " + e + ": " + p));
    }

    /** The requests, found through the API: weights are the number of entries of each kind. */
    private static List<Target> mix(HttpClient http, String base, long seed) throws IOException, InterruptedException {
        Set<String> ocids = new LinkedHashSet<>();
        Set<String> buyers = new LinkedHashSet<>();
        Set<String> suppliers = new LinkedHashSet<>();
        for (int offset : new int[]{0, 2_000, 5_000, 10_000}) {
            JsonNode page = JSON.readTree(get(http, base + "/api/records?limit=100&offset=" + offset));
            for (JsonNode r : page.path("records")) {
                ocids.add(r.path("ocid").asText());
                JsonNode c = r.path("compiledRelease");
                if (c.path("buyer").hasNonNull("id")) {
                    buyers.add(c.path("buyer").path("id").asText());
                }
                for (JsonNode a : c.path("awards")) {
                    for (JsonNode s : a.path("suppliers")) {
                        if (s.hasNonNull("id")) {
                            suppliers.add(s.path("id").asText());
                        }
                    }
                }
            }
        }
        // the topic's own projects too: the overview links to them
        JsonNode found = JSON.readTree(get(http, base + "/api/search?q=" + enc("区块链") + "&limit=100"));
        found.findValues("ocid").forEach(o -> ocids.add(o.asText()));
        if (ocids.isEmpty() || buyers.isEmpty() || suppliers.isEmpty()) {
            throw new IllegalStateException("the server at " + base + " lists no records, buyers or suppliers: is its store loaded?");
        }
        Random random = new Random(seed);
        List<String> queries = SearchBench.queryTexts(200, seed);
        List<Target> mix = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String filter = FILTERS.get(i % FILTERS.size());
            String q = "?" + (filter.isEmpty() ? "" : filter + "&");
            mix.add(new Target("page / (overview, filters)", "/" + q.replaceAll("[?&]$", "")));
            mix.add(new Target("api /api/overview (filters)", "/api/overview" + q.replaceAll("[?&]$", "")));
            mix.add(new Target("page /search", "/search?q=" + enc(queries.get(i))));
            mix.add(new Target("api /api/search", "/api/search?q=" + enc(queries.get(i))));
            mix.add(new Target("page /project/{ocid}", "/project/" + enc(pick(random, ocids))));
            mix.add(new Target("api /api/records/{ocid}", "/api/records/" + enc(pick(random, ocids))));
            String buyer = pick(random, buyers);
            String supplier = pick(random, suppliers);
            mix.add(new Target("page /buyer/{id}", "/buyer/" + enc(buyer)));
            mix.add(new Target("page /supplier/{id}", "/supplier/" + enc(supplier)));
            mix.add(new Target("api /api/buyers/{id}", "/api/buyers/" + enc(buyer)));
            mix.add(new Target("api /api/suppliers/{id}", "/api/suppliers/" + enc(supplier)));
            if (i % 2 == 0) {
                mix.add(new Target("page /live", "/live"));
                mix.add(new Target("api /api/live", "/api/live?offset=" + (i % 10) * 20));
                mix.add(new Target("api /api/records (list)", "/api/records?offset=" + (i % 50) * 20));
            }
        }
        return mix;
    }

    private static String pick(Random random, Set<String> values) {
        int n = random.nextInt(values.size());
        return values.stream().skip(n).findFirst().orElseThrow();
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + url + ": " + r.body().lines().findFirst().orElse(""));
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1)] / 1e6;
    }
}
