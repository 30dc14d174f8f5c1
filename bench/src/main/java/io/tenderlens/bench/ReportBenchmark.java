package io.tenderlens.bench;

import io.tenderlens.cli.Main;
import io.tenderlens.store.Store;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The report over a large store: builds (once) a store of N synthetic records shaped like real ones,
 * then runs {@code tenderlens report --db} on it several times in this JVM and prints the time and the
 * records per second. Usage: {@code ReportBenchmark [records] [work directory] [runs]}.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "bench/target/report-bench");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path db = work.resolve("db-" + records);
        Files.createDirectories(work);
        long stored = storedRecords(db);
        if (stored != records) {
            Path data = work.resolve("synthetic-" + records + ".jsonl.gz");
            if (!Files.exists(data)) {
                long t = System.nanoTime();
                long releases = new SyntheticProcurements(20_190_924L).write(data, records);
                System.out.printf("generated %,d records (%,d releases) in %.1f s: %s (%,d bytes)%n", records, releases,
                        seconds(t), data, Files.size(data));
            }
            long t = System.nanoTime();
            int exit = Main.commandLine().execute("ingest", "--db", db.toString(), data.toString());
            System.out.printf("ingest exit %d in %.1f s%n", exit, seconds(t));
            stored = storedRecords(db);
        }
        System.out.printf("store %s: %,d records%n", db, stored);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            StringWriter out = new StringWriter();
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            long t = System.nanoTime();
            int exit = cli.execute("report", "--topic", "blockchain", "--db", db.toString(), "--out", work.resolve("out").toString());
            double s = seconds(t);
            times.add(s);
            System.out.printf("run %d: exit %d, %.2f s, %,.0f records/s — %s", i + 1, exit, s, stored / s, out);
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("report over %,d records: median %.2f s (best %.2f s), %,.0f records/s; heap used %,d MB of max %,d MB%n",
                stored, median, times.get(0), stored / median, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
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
