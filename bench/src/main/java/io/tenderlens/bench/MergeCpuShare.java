package io.tenderlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.ocds.CompactJsonWriter;
import io.tenderlens.source.ocds.OcdsJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The share of the parse-only speed that merging keeps, measured in CPU time of this thread (the best
 * of many rounds), so that it holds on a busy machine where wall-clock JMH figures do not. Not part of
 * the product.
 *
 * <pre>java -cp ... io.tenderlens.bench.MergeCpuShare [ROUNDS] FILE.jsonl...</pre>
 *
 * For each file of one release per line: the CPU time to parse every line (the floor), to parse each
 * ocid's releases and compile them, the same plus writing each compiled release (with compile's writer,
 * {@link CompactJsonWriter}), and the same with the versioned release; each as a share of the parse-only speed.
 */
public final class MergeCpuShare {
    private MergeCpuShare() {}

    public static void main(String[] args) throws IOException {
        int first = 0;
        int rounds = 100;
        if (args.length > 0 && args[0].matches("\\d+")) {
            rounds = Integer.parseInt(args[0]);
            first = 1;
        }
        if (args.length == first) {
            System.err.println("usage: MergeCpuShare [ROUNDS] FILE.jsonl...");
            System.exit(2);
        }
        for (int i = first; i < args.length; i++) {
            measure(Path.of(args[i]), rounds);
        }
    }

    private static void measure(Path file, int rounds) throws IOException {
        ObjectMapper json = OcdsJson.mapper();
        Map<String, List<byte[]>> byOcid = new LinkedHashMap<>();
        int releases = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                byOcid.computeIfAbsent(json.readTree(bytes).path("ocid").asText(), k -> new ArrayList<>()).add(bytes);
                releases++;
            }
        }
        List<List<byte[]>> groups = new ArrayList<>(byOcid.values());
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (List<byte[]> group : groups) {
                sink += parse(group).size();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (List<byte[]> group : groups) {
                sink += compiler.compile(parse(group)).size();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (List<byte[]> group : groups) {
                sink += written(compiler.compile(parse(group)));
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            for (List<byte[]> group : groups) {
                sink += written(compiler.versioned(parse(group)));
            }
            long t4 = cpu.getCurrentThreadCpuTime();
            best[0] = Math.min(best[0], t1 - t0);
            best[1] = Math.min(best[1], t2 - t1);
            best[2] = Math.min(best[2], t3 - t2);
            best[3] = Math.min(best[3], t4 - t3);
        }
        System.out.printf(Locale.ROOT, "%s: %d releases, %d ocids (checksum %d)%n", file.getFileName(), releases, groups.size(), sink);
        String[] names = {"parse only", "parse + compile", "parse + compile + write", "parse + versioned + write"};
        for (int i = 0; i < best.length; i++) {
            System.out.printf(Locale.ROOT, "  %-26s %8.2f ms CPU  %,10.0f releases/s  %5.1f%% of parse-only speed%n",
                    names[i], best[i] / 1e6, releases / (best[i] / 1e9), 100.0 * best[0] / best[i]);
        }
    }

    /** Written as compile writes its output. */
    private static int written(ObjectNode release) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactJsonWriter.write(release, out);
        return out.size();
    }

    private static List<ObjectNode> parse(List<byte[]> group) {
        List<ObjectNode> releases = new ArrayList<>(group.size());
        for (byte[] line : group) {
            releases.add(OcdsJson.parseObject(line));
        }
        return releases;
    }
}
