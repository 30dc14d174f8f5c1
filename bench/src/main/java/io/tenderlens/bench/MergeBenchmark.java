package io.tenderlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.ocds.OcdsJson;
import io.tenderlens.testing.SharedData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OCDS merge over real releases (one JSON line each), with Jackson parsing of the same bytes as
 * the floor to compare with. Every operation is one pass over the whole dataset: releases/s =
 * ops/s × the release count printed at setup (paraguay-dncp 47, mexico-gacm 312). See bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MergeBenchmark {
    /** The app's reader configuration (decimals kept exact), as `compile` parses. */
    private static final ObjectMapper JSON = OcdsJson.mapper();

    /** A JSON Lines file of releases under shared/data/ocds/real. */
    @Param({"paraguay-dncp/releases-v1.1.jsonl", "mexico-gacm/releases.jsonl"})
    public String dataset;

    private List<byte[]> lines;
    /** The same lines grouped by ocid, as a grouping stage hands them to the merge. */
    private List<List<byte[]>> lineGroups;
    private List<List<ObjectNode>> groups;
    private ReleaseCompiler compiler;

    @Setup(Level.Trial)
    public void load() throws IOException {
        lines = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(SharedData.path("ocds/real/" + dataset), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                lines.add(b);
                bytes += b.length;
            }
        }
        compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        groups = new ArrayList<>(group(parseAll()).values());
        Map<String, List<byte[]>> byOcid = new LinkedHashMap<>();
        for (byte[] line : lines) {
            byOcid.computeIfAbsent(JSON.readTree(line).path("ocid").asText(), k -> new ArrayList<>()).add(line);
        }
        lineGroups = new ArrayList<>(byOcid.values());
        System.out.printf("%n%s: %d releases, %d ocids, %d bytes per operation%n", dataset, lines.size(), groups.size(), bytes);
    }

    private List<ObjectNode> parseAll() throws IOException {
        List<ObjectNode> releases = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            releases.add((ObjectNode) JSON.readTree(line));
        }
        return releases;
    }

    private static Map<String, List<ObjectNode>> group(List<ObjectNode> releases) {
        Map<String, List<ObjectNode>> byOcid = new LinkedHashMap<>();
        for (ObjectNode release : releases) {
            byOcid.computeIfAbsent(release.path("ocid").asText(), k -> new ArrayList<>()).add(release);
        }
        return byOcid;
    }

    /** The floor: Jackson parsing the same bytes into trees. */
    @Benchmark
    public void parseOnly(Blackhole bh) throws IOException {
        for (byte[] line : lines) {
            bh.consume(JSON.readTree(line));
        }
    }

    /** The merge alone, over releases parsed beforehand. */
    @Benchmark
    public void compile(Blackhole bh) {
        for (List<ObjectNode> group : groups) {
            bh.consume(compiler.compile(group));
        }
    }

    @Benchmark
    public void versioned(Blackhole bh) {
        for (List<ObjectNode> group : groups) {
            bh.consume(compiler.versioned(group));
        }
    }

    /** Parse the releases of each ocid and merge them right away: compare with {@link #parseOnly}. */
    @Benchmark
    public void parseAndCompile(Blackhole bh) throws IOException {
        for (List<byte[]> group : lineGroups) {
            bh.consume(compiler.compile(parse(group)));
        }
    }

    @Benchmark
    public void parseAndVersion(Blackhole bh) throws IOException {
        for (List<byte[]> group : lineGroups) {
            bh.consume(compiler.versioned(parse(group)));
        }
    }

    /** Parse, compile and serialise each compiled release: the work of `compile` minus reading and grouping. */
    @Benchmark
    public void parseCompileWrite(Blackhole bh) throws IOException {
        for (List<byte[]> group : lineGroups) {
            bh.consume(OcdsJson.write(compiler.compile(parse(group))));
        }
    }

    private static List<ObjectNode> parse(List<byte[]> group) throws IOException {
        List<ObjectNode> releases = new ArrayList<>(group.size());
        for (byte[] line : group) {
            releases.add((ObjectNode) JSON.readTree(line));
        }
        return releases;
    }
}
