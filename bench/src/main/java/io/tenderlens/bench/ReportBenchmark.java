package io.tenderlens.bench;

import io.tenderlens.cli.Main;
import io.tenderlens.search.ChineseSegmenter;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchIndex;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicMatcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The report over a large store: builds (once) a store of N synthetic records shaped like real ones,
 * and its search index (the shared one of {@code tenderlens search}), then runs {@code tenderlens report --db} on it several times in this JVM and
 * prints the time and the records per second, then the latency of searches (p50, p99). Usage:
 * {@code ReportBenchmark [records] [work directory] [runs] [base]}: {@code base} records (default 50,000) are
 * generated and ingested, then copied under new ocids up to {@code records} (see {@link #enlarge}); a store
 * {@code <work>/db-<records>} is reused.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "bench/target/report-bench");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int base = Math.min(records, args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 50_000);
        Path db = work.resolve("db-" + records);
        Files.createDirectories(work);
        long stored = storedRecords(db);
        if (stored != records) {
            if (originals(db) < base) {
                Path data = work.resolve("synthetic-" + base + ".jsonl.gz");
                if (!Files.exists(data)) {
                    long t = System.nanoTime();
                    long releases = new SyntheticProcurements(20_190_924L).write(data, base);
                    System.out.printf("generated %,d records (%,d releases) in %.1f s: %s (%,d bytes)%n", base, releases,
                            seconds(t), data, Files.size(data));
                }
                long t = System.nanoTime();
                int exit = Main.commandLine().execute("ingest", "--db", db.toString(), data.toString());
                System.out.printf("ingest of %,d records: exit %d in %.1f s%n", base, exit, seconds(t));
            }
            if (records > base) {
                long t = System.nanoTime();
                enlarge(db, records);
                System.out.printf("copied under new ocids to %,d records in %.1f s%n", records, seconds(t));
            }
            stored = storedRecords(db);
        }
        System.out.printf("store %s: %,d records%n", db, stored);
        SearchIndex index = SearchIndex.of(db, SearchAnalyzer.bundled());
        try (Store store = Store.openReadOnly(db)) {
            if (!index.isCurrent(store)) {
                long t = System.nanoTime();
                // the index update of the CLI, its segmenter remembering texts it has seen (the copies repeat them):
                // the same tokens, so the same index, built in minutes rather than hours on a busy machine
                long n = SearchIndex.of(db, SearchAnalyzer.bundled().remembering()).update(store, done -> { }).indexed();
                System.out.printf("search index built: %,d records in %.1f s (%,.0f records/s)%n", n, seconds(t), n / seconds(t));
            }
        }
        System.out.printf("machine: %d cores; load average %s%n", Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            StringWriter out = new StringWriter();
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            long t = System.nanoTime();
            long cpu = Machine.processCpuNanos();
            int exit = cli.execute("report", "--topic", "blockchain", "--db", db.toString(), "--out", work.resolve("out").toString());
            double s = seconds(t);
            times.add(s);
            System.out.printf("run %d: exit %d, %.2f s wall, %.2f s CPU (all threads), %,.0f records/s; load average %s — %s", i + 1, exit, s,
                    (Machine.processCpuNanos() - cpu) / 1e9, stored / s, Machine.loadAverage(), out);
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("report over %,d records: median %.2f s (best %.2f s), %,.0f records/s; heap used %,d MB of max %,d MB%n",
                stored, median, times.get(0), stored / median, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        sqlPeer(db, runs);
        searchLatency(index);
    }

    /**
     * The peer: the report's main aggregates (projects, budget and award sums by province, year, level and
     * status; top suppliers) as one plain DuckDB query over the store's flat columns, for the records whose
     * compiled release holds a topic term (the regex of {@link TopicMatcher#anyTermRegex}). Less exact than
     * the report (no grading, so boilerplate stamps count; no repeats merged), but the same reading.
     */
    private static void sqlPeer(Path db, int runs) throws java.sql.SQLException {
        String regex = new TopicMatcher(Topic.bundled("blockchain"), new ChineseSegmenter(Topic.bundled("blockchain").dictionary())).anyTermRegex();
        String agg = ", count(*), sum(budget_amount), sum(award_amount) FROM t GROUP BY 2";
        String sql = "WITH t AS MATERIALIZED (SELECT province, CAST(year(first_date) AS VARCHAR) AS y, government_level, tender_status,"
                + " budget_amount, award_amount, supplier_names FROM records WHERE regexp_matches(CAST(compiled AS VARCHAR), ?))"
                + " SELECT 'province', province" + agg + " UNION ALL SELECT 'year', y" + agg
                + " UNION ALL SELECT 'level', government_level" + agg + " UNION ALL SELECT 'status', tender_status" + agg
                + " UNION ALL (SELECT 'supplier', s, count(*), NULL, NULL FROM t, unnest(supplier_names) AS u(s) GROUP BY 2 ORDER BY 3 DESC LIMIT 20)";
        try (Store store = Store.openReadOnly(db); java.sql.PreparedStatement ps = store.connection().prepareStatement(sql)) {
            ps.setString(1, regex);
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                long cpu = Machine.processCpuNanos();
                long rows = 0;
                long projects = 0;
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        projects += rs.getString(1).equals("status") ? rs.getLong(3) : 0;
                    }
                }
                double s = seconds(t);
                System.out.printf("peer run %d (DuckDB SQL aggregates over the flat columns, records with a topic term: %,d): %.2f s wall, %.2f s CPU (all threads),"
                        + " %,.0f records/s, %d result rows; load average %s%n", i + 1, projects, s, (Machine.processCpuNanos() - cpu) / 1e9,
                        store.recordCount() / s, rows, Machine.loadAverage());
            }
        }
    }

    /** Queries a dashboard would send (words, scopes, phrases, exclusions), each timed; prints p50, p99 and max. */
    private static void searchLatency(SearchIndex index) {
        List<String> queries = List.of("区块链", "buyer:医院", "title:服务器", "\"智慧政务平台\"", "医院 -设备", "title:区块链 buyer:住房公积金",
                "supplier:科技有限公司", "存证", "text:运维 title:系统", "智能合约 OR 联盟链", "教学一体机", "buyer:公安局 title:监控",
                "blockchain", "title:(办公家具 OR 课桌椅)", "物业管理服务 -绿化");
        try (RecordSearcher searcher = index.openSearcher()) {
            for (String q : queries) {
                searcher.search(q, 20); // warm up
            }
            List<Double> ms = new ArrayList<>();
            List<Double> cpuMs = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 20; round++) {
                for (String q : queries) {
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    searcher.search(q, 20);
                    ms.add((System.nanoTime() - t) / 1e6);
                    cpuMs.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                }
            }
            Collections.sort(ms);
            Collections.sort(cpuMs);
            System.out.printf("search over %,d records: %d queries, wall p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " CPU time of the query thread p50 %.1f ms, p99 %.1f ms, max %.1f ms; load average %s%n",
                    searcher.size(), ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1),
                    cpuMs.get(cpuMs.size() / 2), cpuMs.get((int) Math.ceil(cpuMs.size() * 0.99) - 1), cpuMs.get(cpuMs.size() - 1), Machine.loadAverage());
        }
    }

    /**
     * Copies the store's releases and records under new ocids ({@code ocds-tl0bench-c<k>-<n>}: every id
     * made from the ocid changes with it) until it holds {@code records} records — as bench/inputs.sh
     * enlarges real inputs. In SQL, because ingesting a million records takes hours on this shared machine;
     * the copies are what the ingest wrote, new sequence numbers after the originals, with a SHA-256 of
     * their JSON text as identity. The search index is then built from them by the real update.
     */
    private static void enlarge(Path db, int records) throws java.sql.SQLException {
        try (Store store = Store.openForWriting(db, "bench: copying records under new ocids");
             java.sql.Statement s = store.connection().createStatement()) {
            long base = count(s, "SELECT count(*) FROM records WHERE " + ORIGINAL);
            long seqs = count(s, "SELECT max(seq) + 1 FROM releases WHERE " + ORIGINAL);
            for (long k = 1; base * k < records; k++) {
                String prefix = "ocds-tl0bench-c" + k + "-";
                long take = Math.min(base, records - base * k);
                if (count(s, "SELECT count(*) FROM records WHERE starts_with(ocid, '" + prefix + "')") == take) {
                    continue; // copied by an earlier, interrupted run
                }
                String copy = "replace(%s, 'ocds-tl0bench-', '" + prefix + "')";
                store.connection().setAutoCommit(false);
                s.execute("DELETE FROM records WHERE starts_with(ocid, '" + prefix + "')");
                s.execute("DELETE FROM releases WHERE starts_with(ocid, '" + prefix + "')");
                s.execute("CREATE TEMP TABLE chosen AS SELECT ocid FROM records WHERE " + ORIGINAL + " ORDER BY ocid LIMIT " + take);
                s.execute("INSERT INTO releases SELECT * REPLACE (sha256(" + copy.formatted("CAST(json AS VARCHAR)") + ") AS release_sha256,"
                        + " seq + " + seqs * k + " AS seq, " + copy.formatted("ocid") + " AS ocid, " + copy.formatted("id") + " AS id,"
                        + " " + copy.formatted("CAST(json AS VARCHAR)") + "::JSON AS json)"
                        + " FROM releases WHERE ocid IN (SELECT ocid FROM chosen)");
                s.execute("INSERT INTO records SELECT * REPLACE (" + copy.formatted("ocid") + " AS ocid,"
                        + " " + copy.formatted("CAST(compiled AS VARCHAR)") + "::JSON AS compiled)"
                        + " FROM records WHERE ocid IN (SELECT ocid FROM chosen)");
                s.execute("DROP TABLE chosen");
                store.connection().commit();
                store.connection().setAutoCommit(true);
                System.out.printf("  copy %d: %,d records; load average %s%n", k, base * k + take, Machine.loadAverage());
            }
        }
    }

    /** The generated records, not their copies. */
    private static final String ORIGINAL = "NOT starts_with(ocid, 'ocds-tl0bench-c')";

    private static long originals(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Store s = Store.openReadOnly(db); java.sql.Statement st = s.connection().createStatement()) {
            return count(st, "SELECT count(*) FROM records WHERE " + ORIGINAL);
        } catch (RuntimeException | java.sql.SQLException e) {
            return 0;
        }
    }

    private static long count(java.sql.Statement s, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long storedRecords(Path db) {
        if (!Files.exists(db)) {
            return -1;
        }
        try (Store s = Store.openReadOnly(db)) {
            return s.recordCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
