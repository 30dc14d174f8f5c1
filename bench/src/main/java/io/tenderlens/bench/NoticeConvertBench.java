package io.tenderlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.notice.CcgpNoticeParser;
import io.tenderlens.notice.NotANoticeException;
import io.tenderlens.notice.NoticeDecoder;
import io.tenderlens.notice.NoticeOrigin;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Notice pages converted per second: saved pages (bytes) → OCDS release → JSON bytes, as {@code convert} does for
 * each page, repeated over the given pages until {@code PAGES} conversions are done, on {@code THREADS} threads.
 * Also the floor: decoding and jsoup-parsing the same pages, nothing else. Prints one line per measurement:
 * {@code name pages wall_s cpu_s pages_per_wall_s pages_per_cpu_s}. Not part of the product.
 *
 * <pre>java -cp ... io.tenderlens.bench.NoticeConvertBench PAGES THREADS FILE_OR_DIR...</pre>
 *
 * Pages that are not notices (a list page) are left out and named on standard error. A warm-up of the same
 * length runs first (untimed), so that the timed part measures compiled code.
 */
public final class NoticeConvertBench {
    private NoticeConvertBench() {}

    private interface Work {
        long run(byte[] page, String name) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        CcgpNoticeParser parser = new CcgpNoticeParser();
        ObjectMapper json = new ObjectMapper();
        List<byte[]> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(html?|shtml)$")).sorted().toList();
            }
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                try {
                    parser.parse(bytes, NoticeOrigin.ofFile(f.getFileName().toString(), null));
                    pages.add(bytes);
                    names.add(f.getFileName().toString());
                } catch (NotANoticeException e) {
                    System.err.println("left out: " + e.getMessage());
                }
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no notice pages under " + List.of(args).subList(2, args.length));
        }
        long bytes = pages.stream().mapToLong(b -> b.length).sum();
        System.err.printf(Locale.ROOT, "%d pages, %,d bytes, %d threads, %,d conversions per measurement%n",
                pages.size(), bytes, threads, total);
        Work convert = (page, name) -> {
            ObjectNode release = parser.parse(page, NoticeOrigin.ofFile(name, null));
            return json.writeValueAsBytes(release).length;
        };
        Work jsoupOnly = (page, name) -> Jsoup.parse(NoticeDecoder.decode(page).text()).childNodeSize();
        for (String what : List.of("convert", "jsoup-parse")) {
            Work work = what.equals("convert") ? convert : jsoupOnly;
            measure(work, pages, names, total, threads); // warm-up
            double[] r = measure(work, pages, names, total, threads);
            System.out.printf(Locale.ROOT, "%s %d %.3f %.3f %.0f %.0f%n", what, total, r[0], r[1], total / r[0], total / r[1]);
        }
    }

    /** Wall seconds and CPU seconds (all worker threads) for {@code total} pages, split over the threads. */
    private static double[] measure(Work work, List<byte[]> pages, List<String> names, int total, int threads)
            throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                try {
                    for (int i = first; i < total; i += threads) {
                        int p = i % pages.size();
                        sink.addAndGet(work.run(pages.get(p), names.get(p)));
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a page failed", failures.get(0));
        }
        if (sink.get() == 0) {
            throw new IllegalStateException("no output");
        }
        return new double[] {wall, cpu.get() / 1e9};
    }
}
