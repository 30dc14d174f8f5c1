package io.tenderlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.ocds.LocalExtensions;
import io.tenderlens.source.ocds.OcdsHandler;
import io.tenderlens.source.ocds.OcdsJson;
import io.tenderlens.source.ocds.OcdsProblem;
import io.tenderlens.source.ocds.OcdsReader;
import io.tenderlens.source.ocds.OcdsRelease;
import io.tenderlens.source.ocds.PackageMetadata;
import io.tenderlens.source.ocds.ReadCounts;
import io.tenderlens.source.ocds.ReleaseSorter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenderlens compile}: merges the releases of each ocid into a compiled (or versioned)
 * release, with the options and output shapes of {@code ocdskit compile}.
 *
 * <p>Two passes. Reading: every input is streamed ({@link OcdsReader#raw()}) and each release's bytes
 * go to a {@link ReleaseSorter}, which spills sorted runs to disk when they outgrow the memory
 * budget. Compiling: the groups come back in ocid order (ocdskit's order), are merged by
 * {@link ReleaseCompiler} on several threads, and written in order.
 */
@Command(name = "compile", sortOptions = false,
        description = {
            "Reads OCDS releases (release packages, record packages, JSON Lines, arrays, concatenated JSON, .gz, .zip; "
                    + "standard input when no FILE is given), merges the releases of each ocid by the OCDS merge rules "
                    + "and prints the compiled releases, one per line, in ocid order. The same options and outputs as "
                    + "`ocdskit compile`.",
            "Extensions declared by packages are applied (without --schema) when a local copy of their "
                    + "release-schema.json is found under an --extension-dir: DIR/<host>/<path of extension.json's folder>/"
                    + "release-schema.json, or DIR/<a folder name from that path, e.g. ocds_lots_extension>/release-schema.json. "
                    + "Nothing is downloaded.",
            "Problems in the input and merge warnings go to standard error with the file, position and ocid; the run never "
                    + "stops on them. Exit status: 0 done, 1 nothing could be read (or, with --strict, any error or warning), "
                    + "2 wrong usage.",
            "Memory stays bounded: releases are grouped by ocid through sorted runs on disk when they do not fit "
                    + "--sort-memory, so inputs of any size compile with the default heap."},
        exitCodeOnInvalidInput = 2)
public final class CompileCommand implements Callable<Integer> {

    // not mixinStandardHelpOptions: --version is the package version here, as in ocdskit
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "OCDS files or directories (read recursively); '-' or none for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "FILE",
            description = "The (patched) release schema whose merge rules to use; default: the bundled OCDS 1.1.5 schema "
                    + "with the extensions the packages declare, where available locally.")
    Path schema;

    @Option(names = "--package", description = "Wrap the compiled releases in a record package.")
    boolean asPackage;

    @Option(names = "--linked-releases",
            description = "With --package, give the releases as links {url: <package uri>#<release id>, date, tag} "
                    + "instead of embedding them (releases not from a release package with a uri stay embedded).")
    boolean linkedReleases;

    @Option(names = "--versioned",
            description = "With --package, add versioned releases to the records; otherwise print versioned releases "
                    + "instead of compiled releases.")
    boolean versioned;

    @Option(names = "--strict", description = "Exit with status 1 if any error or warning was reported.")
    boolean strict;

    @Option(names = "--extension-dir", paramLabel = "DIR",
            description = "A directory of local copies of OCDS extensions (repeatable; also $TENDERLENS_EXTENSIONS, "
                    + "a path list).")
    List<Path> extensionDirs = new ArrayList<>();

    @Option(names = "--uri", paramLabel = "URI", description = "With --package, the record package's uri (default: empty).")
    String uri = "";

    @Option(names = "--published-date", paramLabel = "DATE",
            description = "With --package, the record package's publishedDate (default: empty).")
    String publishedDate = "";

    @Option(names = "--version", paramLabel = "VERSION", defaultValue = "1.1",
            description = "With --package, the record package's version (default: ${DEFAULT-VALUE}).")
    String packageVersion;

    @Option(names = "--publisher-name", paramLabel = "NAME", description = "With --package, the publisher's name.")
    String publisherName;

    @Option(names = "--publisher-uri", paramLabel = "URI", description = "With --package, the publisher's uri.")
    String publisherUri;

    @Option(names = "--publisher-scheme", paramLabel = "SCHEME", description = "With --package, the publisher's scheme.")
    String publisherScheme;

    @Option(names = "--publisher-uid", paramLabel = "UID", description = "With --package, the publisher's uid.")
    String publisherUid;

    @Option(names = "--fake", description = "With --package, fill the package's required uri and publishedDate with "
            + "placeholders when not given.")
    boolean fake;

    @Option(names = "--pretty", description = "Indent the output (as ocdskit --pretty).")
    boolean pretty;

    @Option(names = "--ascii", description = "Escape non-ASCII characters (as ocdskit --ascii).")
    boolean ascii;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The inputs' character encoding (default: UTF-8, or UTF-16/32 by byte-order mark).")
    Charset encoding;

    @Option(names = "--sort-memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Memory for grouping releases before sorted runs are written to temporary files, "
                    + "e.g. 256m or 1g (default: a fifth of the maximum heap).")
    Long sortMemory;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Where sorted runs go (default: java.io.tmpdir).")
    Path tempDir;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that merge (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintStream stderr;

    /** Reads standard input, writes standard output and standard error. */
    public CompileCommand() {
        this(System.in, new FileOutputStream(FileDescriptor.out), System.err);
    }

    /** With given streams (tests, embedding). {@code stdout} is flushed, not closed. */
    public CompileCommand(InputStream stdin, OutputStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** "64m", "1g", "500k", "1048576" → bytes. */
    static final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            switch (last) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> { }
            }
            String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
            try {
                long n = Long.parseLong(digits) * unit;
                if (n <= 0) {
                    throw new CommandLine.TypeConversionException("a size must be positive: " + value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("not a size (e.g. 64m, 1g): " + value);
            }
        }
    }

    @Override public Integer call() throws IOException {
        long started = System.nanoTime();
        MergeRules baseRules;
        try {
            baseRules = schema == null ? MergeRules.bundled() : MergeRules.fromSchema(readSchema(schema));
        } catch (IOException | IllegalArgumentException e) {
            stderr.println("error: --schema " + schema + ": " + e.getMessage());
            return 2;
        }
        if (linkedReleases && !asPackage) {
            stderr.println("note: --linked-releases has an effect only with --package");
        }
        List<Path> inputs;
        try {
            inputs = expandInputs();
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        }
        long budget = sortMemory != null ? sortMemory : Runtime.getRuntime().maxMemory() / 5;
        Path temp = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));

        try (ReleaseSorter sorter = new ReleaseSorter(temp, budget)) {
            Inputs in = new Inputs(sorter);
            ReadCounts counts = readAll(inputs, in);
            MergeRules rules = schema == null ? withLocalExtensions(baseRules, in.extensions) : baseRules;
            Outcome out = compileAll(sorter, in, rules);
            summarize(inputs, counts, in, sorter, out, started);
            boolean nothingRead = counts.releases() == 0 && counts.errors() > 0;
            boolean strictFailure = strict && (counts.errors() + counts.warnings() + out.mergeWarnings + out.failed > 0);
            return nothingRead || strictFailure ? 1 : 0;
        } catch (BrokenOutput e) {
            // the reader of our output went away (e.g. `| head`): stop quietly, as ocdskit does
            return 1;
        }
    }

    private static JsonNode readSchema(Path file) throws IOException {
        String name = file.toString();
        if (name.startsWith("http://") || name.startsWith("https://")) {
            throw new IOException("give a local file: the schema is never downloaded");
        }
        return OcdsJson.mapper().readTree(file.toFile());
    }

    /** Files in order; directories are walked (sorted); "-" is standard input (represented by null). */
    private List<Path> expandInputs() throws IOException {
        List<Path> out = new ArrayList<>();
        if (files.isEmpty()) {
            out.add(null);
        }
        for (String f : files) {
            if (f.equals("-")) {
                out.add(null);
                continue;
            }
            Path p = Path.of(f);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(x -> !x.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private ReadCounts readAll(List<Path> inputs, Inputs handler) throws IOException {
        long total = 0;
        for (Path p : inputs) {
            total = p == null || total < 0 ? -1 : total + Math.max(0, sizeOf(p));
        }
        ReadCounts counts = ReadCounts.ZERO;
        try (Progress progress = Progress.start("compile: reading", total, Progress.Unit.BYTES, stderr)) {
            OcdsReader reader = OcdsReader.raw().withThreads(threads).withProgress(progress::step);
            if (encoding != null) {
                reader = reader.decodingFrom(encoding);
            }
            for (Path p : inputs) {
                handler.startInput();
                ReadCounts c = p == null ? reader.read("<stdin>", stdin, handler) : reader.read(p, handler);
                counts = counts.plus(c);
                progress.message(String.format(Locale.ROOT, "%,d releases", counts.releases()));
            }
        }
        return counts;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private MergeRules withLocalExtensions(MergeRules rules, Set<String> extensions) {
        if (extensions.isEmpty()) {
            return rules;
        }
        List<Path> dirs = new ArrayList<>(extensionDirs);
        String env = System.getenv("TENDERLENS_EXTENSIONS");
        if (env != null && !env.isBlank()) {
            for (String d : env.split(java.io.File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        LocalExtensions local = new LocalExtensions(dirs);
        List<String> missing = new ArrayList<>();
        for (String url : extensions) {
            var patch = local.releaseSchemaPatch(url);
            if (patch.isEmpty()) {
                missing.add(url);
                continue;
            }
            try {
                rules = rules.withExtension(OcdsJson.mapper().readTree(patch.get().toFile()));
            } catch (IOException | IllegalArgumentException e) {
                stderr.println("warning: extension " + url + ": cannot use " + patch.get() + ": " + e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            stderr.println("note: " + missing.size() + " of the " + extensions.size() + " extensions the packages declare "
                    + "have no local copy, so their merge rules are not applied" + (dirs.isEmpty()
                    ? " (give --extension-dir DIR)" : " (looked in " + dirs + ")") + ": " + String.join(" ", missing));
        }
        return rules;
    }

    /** Receives what the reader finds: releases to the sorter, package metadata, problems to standard error. */
    private final class Inputs implements OcdsHandler {
        private static final int PROBLEMS_SHOWN_PER_FILE = 100;

        final ReleaseSorter sorter;
        final Set<String> extensions = new LinkedHashSet<>();
        /** The uri of each release package by package number (only kept with --package --linked-releases). */
        final List<String> packageUris = new ArrayList<>();
        /** Release package uris for the output package's "packages", in input order as ocdskit lists them. */
        final List<String> packagesField = new ArrayList<>();
        JsonNode publisher;
        String license;
        String publicationPolicy;
        String firstVersion;
        boolean mixedVersions;
        long packageBase;
        long packagesInInput;
        private final Map<String, Integer> shownPerFile = new HashMap<>();
        private final Map<String, Integer> hiddenPerFile = new HashMap<>();

        Inputs(ReleaseSorter sorter) {
            this.sorter = sorter;
        }

        void startInput() {
            packageBase += packagesInInput;
            packagesInInput = 0;
        }

        @Override public void release(OcdsRelease release) throws IOException {
            int ref = -1;
            PackageMetadata meta = release.metadata();
            if (meta.sequence() >= 0) {
                packagesInInput = Math.max(packagesInInput, meta.sequence() + 1);
            }
            if (asPackage && linkedReleases && meta.kind() == PackageMetadata.Kind.RELEASE_PACKAGE) {
                ref = Math.toIntExact(packageBase + meta.sequence());
                if (uriOf(ref) == null) {
                    setUri(ref, meta.uri());
                }
            }
            sorter.add(release.ocid(), ref, release.json());
        }

        @Override public void packageEnd(PackageMetadata meta) {
            packagesInInput = Math.max(packagesInInput, meta.sequence() + 1);
            if (asPackage && linkedReleases && meta.uri() != null) {
                setUri(Math.toIntExact(packageBase + meta.sequence()), meta.uri());
            }
            if (meta.kind() != PackageMetadata.Kind.RELEASE_PACKAGE) {
                return;
            }
            if (meta.publisher() != null) {
                publisher = meta.publisher();
            }
            if (meta.license() != null) {
                license = meta.license();
            }
            if (meta.publicationPolicy() != null) {
                publicationPolicy = meta.publicationPolicy();
            }
            extensions.addAll(meta.extensions());
            String version = meta.ocdsVersion();
            if (asPackage && meta.uri() != null && !meta.uri().isEmpty() && version.compareTo("1.2") < 0) {
                packagesField.add(meta.uri());
            }
            if (firstVersion == null) {
                firstVersion = version;
            } else if (!firstVersion.equals(version) && !mixedVersions) {
                mixedVersions = true;
                stderr.println("warning: the input mixes OCDS versions (" + firstVersion + " and " + version
                        + "); all releases are merged with the same rules");
            }
        }

        @Override public void problem(OcdsProblem p) {
            String file = p.at().file();
            int shown = shownPerFile.merge(file, 1, Integer::sum);
            if (shown <= PROBLEMS_SHOWN_PER_FILE) {
                stderr.println(p.severity().name().toLowerCase(Locale.ROOT) + ": " + p);
            } else {
                hiddenPerFile.merge(file, 1, Integer::sum);
            }
        }

        void reportHidden() {
            hiddenPerFile.forEach((file, n) -> stderr.println("note: " + n + " more problems in " + file + " not shown"));
        }

        private void setUri(int ref, String uri) {
            while (packageUris.size() <= ref) {
                packageUris.add(null);
            }
            packageUris.set(ref, uri);
        }

        String uriOf(int ref) {
            return ref >= 0 && ref < packageUris.size() ? packageUris.get(ref) : null;
        }
    }

    /** What the compile pass did. */
    private static final class Outcome {
        long records;
        long mergeWarnings;
        long failed;
    }

    /** What one batch of groups produced, written in order by the main thread. */
    private record BatchResult(byte[] output, List<String> warnings, int records, int failed, int releases) {}

    /** Thrown when standard output is closed by its reader. */
    private static final class BrokenOutput extends RuntimeException {
        BrokenOutput(IOException cause) {
            super(cause);
        }
    }

    private Outcome compileAll(ReleaseSorter sorter, Inputs in, MergeRules rules) throws IOException {
        CompileOutput shape = new CompileOutput(pretty, ascii);
        Outcome outcome = new Outcome();
        OutputStream out = new BufferedOutputStream(stdout, 1 << 20);
        int workers = Math.max(1, threads);
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "compile-merge");
            t.setDaemon(true);
            return t;
        }) : null;
        ArrayDeque<Future<BatchResult>> pending = new ArrayDeque<>();
        try (Progress progress = Progress.start("compile: merging", sorter.size(), Progress.Unit.RELEASES, stderr);
             ReleaseSorter.GroupIterator groups = sorter.groups()) {
            if (asPackage) {
                writeOut(() -> shape.packageStart(packageHeader(in), out));
            }
            List<ReleaseSorter.Group> batch = new ArrayList<>();
            long batchBytes = 0;
            while (groups.hasNext()) {
                ReleaseSorter.Group g = groups.next();
                batch.add(g);
                for (ReleaseSorter.Entry e : g.entries()) {
                    batchBytes += e.json().length;
                }
                if (batch.size() >= 256 || batchBytes >= (4 << 20)) {
                    submit(batch, rules, in, shape, pool, pending);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                    while (pending.size() > 2 * workers) {
                        drain(pending.poll(), out, outcome, progress, shape);
                    }
                }
            }
            if (!batch.isEmpty()) {
                submit(batch, rules, in, shape, pool, pending);
            }
            while (!pending.isEmpty()) {
                drain(pending.poll(), out, outcome, progress, shape);
            }
            if (asPackage) {
                writeOut(() -> shape.packageEnd(out));
            }
            writeOut(out::flush);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return outcome;
    }

    private interface OutputAction {
        void run() throws IOException;
    }

    private static void writeOut(OutputAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new BrokenOutput(e);
        }
    }

    private void submit(List<ReleaseSorter.Group> batch, MergeRules rules, Inputs in, CompileOutput shape,
                        ExecutorService pool, ArrayDeque<Future<BatchResult>> pending) {
        Callable<BatchResult> task = () -> compileBatch(batch, rules, in, shape);
        if (pool != null) {
            pending.add(pool.submit(task));
        } else {
            java.util.concurrent.FutureTask<BatchResult> now = new java.util.concurrent.FutureTask<>(task);
            now.run();
            pending.add(now);
        }
    }

    private void drain(Future<BatchResult> future, OutputStream out, Outcome outcome, Progress progress,
                       CompileOutput shape) throws IOException {
        BatchResult r;
        try {
            r = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
        for (String w : r.warnings) {
            stderr.println(w);
        }
        outcome.mergeWarnings += r.warnings.size();
        if (asPackage && r.records > 0 && outcome.records > 0) {
            writeOut(() -> out.write(','));
        }
        if (r.records > 0) {
            shape.recordsWritten();
        }
        outcome.records += r.records;
        outcome.failed += r.failed;
        writeOut(() -> out.write(r.output));
        progress.step(r.releases);
    }

    /** Runs on a worker: parses, merges and writes a batch of groups. */
    private BatchResult compileBatch(List<ReleaseSorter.Group> batch, MergeRules rules, Inputs in, CompileOutput shape) {
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        int records = 0;
        int failed = 0;
        int releaseCount = 0;
        boolean first = true;
        for (ReleaseSorter.Group g : batch) {
            releaseCount += g.entries().size();
            Set<String> groupWarnings = new LinkedHashSet<>();
            ReleaseCompiler compiler = new ReleaseCompiler(rules, (ocid, message) -> groupWarnings.add(ocid + ": " + message));
            try {
                List<ObjectNode> releases = new ArrayList<>(g.entries().size());
                for (ReleaseSorter.Entry e : g.entries()) {
                    releases.add(OcdsJson.parseObject(e.json()));
                }
                if (asPackage) {
                    ObjectNode record = record(g, releases, compiler, in);
                    shape.writeRecord(record, first, out);
                    first = false;
                } else {
                    shape.writeLine(versioned ? compiler.versioned(releases) : compiler.compile(releases), out);
                }
                records++;
            } catch (RuntimeException e) {
                failed++;
                groupWarnings.add(g.ocid() + ": cannot compile its " + g.entries().size() + " releases, skipped: " + e);
            }
            warnings.addAll(groupWarnings);
        }
        // records are separated within the batch; the main thread puts a comma between batches
        return new BatchResult(out.toByteArray(), warnings, records, failed, releaseCount);
    }

    private ObjectNode record(ReleaseSorter.Group g, List<ObjectNode> releases, ReleaseCompiler compiler, Inputs in) {
        JsonNodeFactory f = OcdsJson.mapper().getNodeFactory();
        ObjectNode record = f.objectNode();
        record.put("ocid", g.ocid());
        ArrayNode list = record.putArray("releases");
        for (int i = 0; i < releases.size(); i++) {
            ObjectNode release = releases.get(i);
            String packageUri = linkedReleases ? in.uriOf(g.entries().get(i).ref()) : null;
            if (packageUri != null && !packageUri.isEmpty()) {
                ObjectNode link = list.addObject();
                link.put("url", packageUri + "#" + release.path("id").asText(""));
                link.set("date", release.get("date"));
                link.set("tag", release.get("tag"));
            } else {
                list.add(release);
            }
        }
        record.set("compiledRelease", compiler.compile(releases));
        if (versioned) {
            record.set("versionedRelease", compiler.versioned(releases));
        }
        return record;
    }

    /** The record package's metadata, as ocdskit fills it: options first, then what the input packages said. */
    private ObjectNode packageHeader(Inputs in) {
        JsonNodeFactory f = OcdsJson.mapper().getNodeFactory();
        ObjectNode h = f.objectNode();
        h.put("uri", fake && uri.isEmpty() ? "placeholder:" : uri);
        ObjectNode pub = f.objectNode();
        putIfGiven(pub, "name", publisherName);
        putIfGiven(pub, "uri", publisherUri);
        putIfGiven(pub, "scheme", publisherScheme);
        putIfGiven(pub, "uid", publisherUid);
        if (!pub.isEmpty()) {
            h.set("publisher", pub);
        } else if (in.publisher != null) {
            h.set("publisher", in.publisher);
        } else {
            h.set("publisher", f.objectNode());
        }
        h.put("publishedDate", fake && publishedDate.isEmpty() ? "9999-01-01T00:00:00Z" : publishedDate);
        if (in.license != null) {
            h.put("license", in.license);
        }
        if (in.publicationPolicy != null) {
            h.put("publicationPolicy", in.publicationPolicy);
        }
        if (packageVersion != null) {
            h.put("version", packageVersion);
        }
        if (!in.extensions.isEmpty()) {
            ArrayNode ext = h.putArray("extensions");
            in.extensions.forEach(ext::add);
        }
        if (!in.packagesField.isEmpty()) {
            ArrayNode packages = h.putArray("packages");
            in.packagesField.forEach(packages::add);
        }
        return h;
    }

    private static void putIfGiven(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private void summarize(List<Path> inputs, ReadCounts c, Inputs in, ReleaseSorter sorter, Outcome out, long started) {
        in.reportHidden();
        double seconds = (System.nanoTime() - started) / 1e9;
        String sorting = sorter.spilledRuns() == 0 ? "grouped in memory"
                : "grouped through " + sorter.spilledRuns() + " sorted runs on disk (" + Progress.bytes(sorter.spilledBytes()) + ")";
        stderr.printf(Locale.ROOT, "compile: %,d releases read from %d input%s (%,d packages, %,d linked releases skipped); "
                        + "%,d %s written%s; problems: %,d errors, %,d warnings, %,d notes; %,d merge warnings; %s; "
                        + "%.2f s (%,.0f releases/s)%n",
                c.releases(), inputs.size(), inputs.size() == 1 ? "" : "s", c.packages(), c.linkedReleases(),
                out.records, asPackage ? "records" : versioned ? "versioned releases" : "compiled releases",
                out.failed > 0 ? String.format(Locale.ROOT, " (%,d ocids could not be compiled)", out.failed) : "",
                c.errors(), c.warnings(), c.notes(), out.mergeWarnings, sorting,
                seconds, c.releases() / Math.max(seconds, 1e-9));
        if (c.releases() == 0 && c.errors() > 0) {
            stderr.println("compile: nothing could be read");
        }
    }
}
