package io.tenderlens.bench;

import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchFields;
import io.tenderlens.search.SearchIndex;
import org.apache.lucene.index.IndexWriter;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Search latency over N generated records ({@link SearchRecordGenerator}): builds the Lucene index and,
 * as the peer, a DuckDB table of the same records' text (both on disk under WORK, reused when N and the
 * seed match), then runs a deterministic mix of queries — single word, phrase, field-scoped, exclusion —
 * through {@link RecordSearcher} (parse, top 10, stored fields, highlighted snippets: the whole API call)
 * and the first PEER of them as DuckDB {@code ILIKE} scans (top 10 by date) over the same records.
 *
 * <p>Usage: {@code SearchBench WORK SHARED SAMPLE [records=1000000] [queries=3000] [peerQueries=200] [seed=42]}
 */
public final class SearchBench {
    private record BenchQuery(String kind, String lucene, String sqlWhere, List<String> params) {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        SearchRecordGenerator generator = new SearchRecordGenerator(Path.of(args[1]), Path.of(args[2]), seed(args));
        long records = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000;
        int queries = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        int peerQueries = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        SearchIndex index = new SearchIndex(work.resolve("index"), SearchAnalyzer.bundled());
        Path duck = work.resolve("peer.duckdb");
        Path marker = work.resolve("built.txt");
        String wanted = records + " records, seed " + seed(args) + ", analyzer " + SearchAnalyzer.bundled().fingerprint();
        if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
            build(work, index, duck, generator, records);
            Files.writeString(marker, wanted);
        } else {
            System.out.println("reusing the index and the peer table in " + work + " (" + wanted + ")");
        }
        List<BenchQuery> mix = queries(queries, seed(args));
        System.out.printf(Locale.ROOT, "index on disk: %.0f MB; peer DuckDB file: %.0f MB; max heap %d MB%n",
                size(work.resolve("index")) / 1e6, size(duck) / 1e6, Runtime.getRuntime().maxMemory() >> 20);

        double[] lucene = new double[mix.size()];
        double[] luceneCpu = new double[mix.size()];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long hits = 0;
        try (RecordSearcher searcher = index.openSearcher()) {
            for (int i = 0; i < Math.min(500, mix.size()); i++) {
                searcher.search(mix.get(i).lucene(), 10); // warm-up: JIT, smartcn dictionaries, page cache
            }
            long start = System.nanoTime();
            for (int i = 0; i < mix.size(); i++) {
                long c = cpu.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                hits += searcher.search(mix.get(i).lucene(), 10).hits().size();
                lucene[i] = (System.nanoTime() - t) / 1e6;
                luceneCpu[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%nlucene: %d queries over %d records, %d hits shown, %.0f queries/s%n",
                    mix.size(), searcher.size(), hits, mix.size() / seconds);
        }
        report("lucene (all)", lucene);
        // on a shared, overloaded machine wall time includes waiting for a core; CPU time is the work itself
        report("lucene (all), CPU time", luceneCpu);
        for (String kind : List.of("term", "phrase", "scoped", "exclusion")) {
            report("lucene " + kind, select(lucene, mix, kind, mix.size()));
        }

        int p = Math.min(peerQueries, mix.size());
        double[] peer = new double[p];
        try (DuckDBConnection db = connect(duck)) {
            runPeer(db, mix.get(0));
            long start = System.nanoTime();
            for (int i = 0; i < p; i++) {
                long t = System.nanoTime();
                runPeer(db, mix.get(i));
                peer[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf(Locale.ROOT, "%nduckdb ILIKE: %d queries (the first %d of the same mix), %.1f queries/s%n",
                    p, p, p / ((System.nanoTime() - start) / 1e9));
        }
        double[] lucenePeerSet = Arrays.copyOf(lucene, p);
        report("lucene (same queries)", lucenePeerSet);
        report("duckdb ILIKE", peer);
        System.out.printf(Locale.ROOT, "ratio duckdb/lucene on the same queries: p50 %.0fx, p99 %.0fx, mean %.0fx%n",
                pct(peer, 50) / pct(lucenePeerSet, 50), pct(peer, 99) / pct(lucenePeerSet, 99),
                mean(peer) / mean(lucenePeerSet));
        System.out.println("\nquery examples:");
        mix.stream().limit(12).forEach(q -> System.out.println("  " + q.kind() + ": " + q.lucene()));
    }

    private static long seed(String[] args) {
        return args.length > 6 ? Long.parseLong(args[6]) : 42;
    }

    private static void build(Path work, SearchIndex index, Path duck, SearchRecordGenerator g, long records)
            throws IOException, SQLException {
        Files.createDirectories(work);
        Files.deleteIfExists(duck);
        Files.deleteIfExists(duck.resolveSibling(duck.getFileName() + ".wal"));
        long start = System.nanoTime();
        int threads = 3; // the index is built by several threads; the peer table by this one, at the same time
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (IndexWriter writer = index.createEmpty(SearchAnalyzer.bundled().remembering()); DuckDBConnection db = connect(duck)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (long i = part; i < records; i += threads) {
                        writer.addDocument(SearchFields.document(g.record(i)));
                        if ((i + 1) % 100_000 == 0) {
                            System.out.printf(Locale.ROOT, "  %d records indexed, %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            db.createStatement().execute("CREATE TABLE docs (ocid VARCHAR, title VARCHAR, buyer VARCHAR,"
                    + " supplier VARCHAR, text VARCHAR, date DATE)");
            try (DuckDBAppender appender = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "docs")) {
                for (long i = 0; i < records; i++) {
                    SearchFields.RecordText r = g.record(i);
                    appender.beginRow();
                    appender.append(r.ocid());
                    appender.append(r.title());
                    appender.append(r.buyer());
                    appender.append(String.join("\n", r.suppliers()));
                    appender.append(String.join("\n", r.text()));
                    appender.append(java.time.LocalDate.parse(r.date()));
                    appender.endRow();
                }
            }
            for (Future<?> f : parts) {
                f.get();
            }
            writer.commit();
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException("indexing failed", e);
        } finally {
            pool.shutdown();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "built %d records into the index and the peer table in %.0f s (%.0f records/s)%n",
                records, s, records / s);
    }

    private static DuckDBConnection connect(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, p);
    }

    private static void runPeer(DuckDBConnection db, BenchQuery q) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT ocid, title, buyer, date FROM docs WHERE " + q.sqlWhere() + " ORDER BY date DESC LIMIT 10")) {
            for (int i = 0; i < q.params().size(); i++) {
                ps.setString(i + 1, q.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static final List<String> TERMS = List.of("区块链", "医院", "设备", "服务器", "空调", "学校", "维修", "软件",
            "物业", "平台", "监控", "采购", "blockchain", "platform", "ledger", "系统", "招标", "电子");
    private static final List<String> PHRASES = List.of("智能 合约", "电子 发票", "distributed ledger", "数据 平台",
            "运维 服务", "医用 设备", "blockchain platform", "存证 平台", "办公 家具");
    private static final List<String[]> SCOPED = List.of(new String[]{"buyer", "医院"}, new String[]{"buyer", "大学"},
            new String[]{"buyer", "公安局"}, new String[]{"title", "区块链"}, new String[]{"title", "设备"},
            new String[]{"supplier", "科技"}, new String[]{"supplier", "信息"}, new String[]{"text", "服务器"},
            new String[]{"title", "blockchain"});
    private static final List<String[]> EXCLUSIONS = List.of(new String[]{"区块链", "存证"}, new String[]{"设备", "医用"},
            new String[]{"系统", "监控"}, new String[]{"服务", "运维"}, new String[]{"blockchain", "platform"});

    /** The query texts of {@link #queries}: the mix bench/load.sh sends to the server's search. */
    static List<String> queryTexts(int n, long seed) {
        return queries(n, seed).stream().map(BenchQuery::lucene).toList();
    }

    /** A deterministic mix: 30% single words, 20% phrases, 30% field-scoped, 20% exclusions. */
    private static List<BenchQuery> queries(int n, long seed) {
        Random r = new Random(seed);
        List<BenchQuery> out = new ArrayList<>(n);
        String any = "(title ILIKE ? OR buyer ILIKE ? OR supplier ILIKE ? OR text ILIKE ?)";
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            if (k < 3) {
                String t = SearchRecordGenerator.pick(r, TERMS);
                out.add(new BenchQuery("term", t, any, four(like(t))));
            } else if (k < 5) {
                String p = SearchRecordGenerator.pick(r, PHRASES);
                String joined = p.matches("\\p{IsHan}+ \\p{IsHan}+") ? p.replace(" ", "") : p;
                out.add(new BenchQuery("phrase", "\"" + p + "\"", any, four(like(joined))));
            } else if (k < 8) {
                String[] s = SearchRecordGenerator.pick(r, SCOPED);
                out.add(new BenchQuery("scoped", s[0] + ":" + s[1], s[0] + " ILIKE ?", List.of(like(s[1]))));
            } else {
                String[] e = SearchRecordGenerator.pick(r, EXCLUSIONS);
                List<String> params = new ArrayList<>(four(like(e[0])));
                params.addAll(four(like(e[1])));
                out.add(new BenchQuery("exclusion", e[0] + " -" + e[1], any + " AND NOT " + any, params));
            }
        }
        return out;
    }

    private static String like(String s) {
        return "%" + s + "%";
    }

    private static List<String> four(String s) {
        return List.of(s, s, s, s);
    }

    private static double[] select(double[] values, List<BenchQuery> mix, String kind, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (mix.get(i).kind().equals(kind)) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void report(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "  %-24s n=%5d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  mean %8.2f ms%n",
                what, ms.length, pct(ms, 50), pct(ms, 99), Arrays.stream(ms).max().orElse(0), mean(ms));
    }

    private static double pct(double[] ms, double p) {
        if (ms.length == 0) {
            return 0;
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)];
    }

    private static double mean(double[] ms) {
        return Arrays.stream(ms).average().orElse(0);
    }

    private static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
