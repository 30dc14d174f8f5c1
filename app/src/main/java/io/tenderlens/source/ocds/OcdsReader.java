package io.tenderlens.source.ocds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Streams the releases out of OCDS data in every shape publishers use, in bounded memory:
 * release packages, record packages (embedded releases; linked releases are skipped with a note; a
 * record's {@code compiledRelease} is passed on when it embeds no releases), bare releases, arrays of
 * any of these, JSON Lines, concatenated JSON, {@code .gz} files and {@code .zip} archives (each entry),
 * OCDS 1.0 and 1.1. Only one release at a time is held (as a tree or as bytes), never the whole input.
 *
 * <p>Bad input never stops the read: a broken JSON line, a truncated file, a release without
 * {@code ocid}, JSON that is not OCDS or bytes that are not UTF-8 are reported to
 * {@link OcdsHandler#problem} with the file and position, and reading goes on with the next line
 * (JSON Lines), the next top-level value that starts a line (other JSON), or the next archive entry.
 *
 * <p>Text is UTF-8 unless it starts with a UTF-16/32 byte-order mark (or looks like UTF-16/32), or a
 * charset is given with {@link #decodingFrom}. Instances are immutable and may read several inputs at
 * once from different threads.
 */
public final class OcdsReader {

    private static final Set<String> LINE_SUFFIXES = Set.of(".jsonl", ".ndjson", ".jsonlines");
    /** A first line longer than this is taken as JSON Lines (a one-line document reads the same way). */
    private static final int DETECT_WINDOW = 1 << 20;
    private static final Set<String> METADATA_FIELDS =
            Set.of("uri", "publishedDate", "publisher", "license", "publicationPolicy", "version", "extensions");

    /** JSON Lines are cut into chunks of about this many bytes for the threads. */
    private static final int CHUNK_BYTES = 1 << 20;
    private final int chunkBytes;
    private final int maxChunkLine;
    /** A line longer than this is read by the calling thread alone, streamed, not held in memory. */
    private static final int MAX_CHUNK_LINE = 16 << 20;

    private final boolean raw;
    private final Charset charset;
    private final LongConsumer progress;
    private final int threads;

    private OcdsReader(boolean raw, Charset charset, LongConsumer progress, int threads, int chunkBytes,
                       int maxChunkLine) {
        this.raw = raw;
        this.charset = charset;
        this.progress = progress;
        this.threads = threads;
        this.chunkBytes = chunkBytes;
        this.maxChunkLine = maxChunkLine;
    }

    /** A reader that passes each release as a tree ({@link OcdsRelease#tree()} is ready). */
    public static OcdsReader trees() {
        return new OcdsReader(false, null, n -> {}, 1, CHUNK_BYTES, MAX_CHUNK_LINE);
    }

    /**
     * A reader that passes each release as the raw bytes of its JSON ({@link OcdsRelease#json()}),
     * reading only its {@code ocid}, {@code date} and {@code id}: several times faster when the
     * release is stored or sorted before being looked at.
     */
    public static OcdsReader raw() {
        return new OcdsReader(true, null, n -> {}, 1, CHUNK_BYTES, MAX_CHUNK_LINE);
    }

    /** The same reader, decoding text from {@code charset} instead of detecting UTF-8/16/32. */
    public OcdsReader decodingFrom(Charset charset) {
        return new OcdsReader(raw, charset, progress, threads, chunkBytes, maxChunkLine);
    }

    /**
     * The same reader, telling {@code bytesRead} how many more bytes of a file (as stored: compressed
     * bytes for .gz and .zip) have been read, as it goes. Called on the reading thread.
     */
    public OcdsReader withProgress(LongConsumer bytesRead) {
        return new OcdsReader(raw, charset, bytesRead, threads, chunkBytes, maxChunkLine);
    }

    /**
     * The same reader, parsing JSON Lines on {@code threads} threads (chunks of lines are parsed at
     * once, their results handed over in input order, still on the calling thread). Other shapes are
     * read by the calling thread alone.
     */
    public OcdsReader withThreads(int threads) {
        return new OcdsReader(raw, charset, progress, Math.max(1, threads), chunkBytes, maxChunkLine);
    }

    /**
     * The same reader with chunks of about {@code bytes}, streaming lines longer than {@code maxLine}
     * (tests: many chunks and streamed lines from a small file).
     */
    OcdsReader withChunks(int bytes, int maxLine) {
        return new OcdsReader(raw, charset, progress, threads, Math.max(1, bytes), Math.max(1, maxLine));
    }

    /**
     * Reads one file (JSON, JSON Lines, .gz or .zip, told apart by content; a {@code .jsonl} /
     * {@code .ndjson} name makes it line by line). A missing or unreadable file is reported as a problem.
     *
     * @throws IOException only when the handler throws one
     */
    public ReadCounts read(Path file, OcdsHandler handler) throws IOException {
        Run run = new Run(handler);
        String name = file.toString();
        try {
            if (isZip(file)) {
                run.readZipFile(name, file);
            } else {
                try (InputStream in = new Counting(Files.newInputStream(file), progress)) {
                    run.dispatch(name, in);
                }
            }
        } catch (HandlerFailure e) {
            throw e.getCause();
        } catch (IOException e) {
            run.problem(OcdsProblem.Kind.UNREADABLE, SourcePosition.of(name), null, "cannot read: " + describe(e));
        }
        return run.counts();
    }

    /**
     * Reads a stream (for example standard input) of any of the shapes {@link #read(Path, OcdsHandler)}
     * reads. {@code name} names it in problems. The stream is not closed.
     *
     * @throws IOException only when the handler throws one
     */
    public ReadCounts read(String name, InputStream in, OcdsHandler handler) throws IOException {
        Run run = new Run(handler);
        try {
            run.dispatch(name, new Counting(in, progress));
        } catch (HandlerFailure e) {
            throw e.getCause();
        } catch (IOException e) {
            run.problem(OcdsProblem.Kind.UNREADABLE, SourcePosition.of(name), null, "cannot read: " + describe(e));
        }
        return run.counts();
    }

    private static boolean isZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Whether a parse failed because the input (or the line) ended inside a value. */
    private static boolean endsEarly(JsonProcessingException e) {
        return e instanceof JsonEOFException || describe(e).startsWith("Unexpected end-of-input");
    }

    private static String describe(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String tokenKind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** A handler's own exception, carried through the parsing code untouched. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(IOException cause) {
            super(cause);
        }

        @Override public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Counts bytes read from a file for progress reports. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(1);
            }
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }

        @Override public void close() {
            // the caller closes what it opened
        }
    }

    /** Where a {@link Text} puts what it finds: straight to the handler, or recorded for a later replay. */
    private interface Sink {
        void problem(OcdsProblem.Kind kind, SourcePosition at, String ocid, String message);

        void release(Captured c, OcdsRelease.Origin origin, PackageMetadata meta);

        void packageEnd(PackageMetadata meta);

        void linked(long count);

        long nextPackageSeq();
    }

    /** The state of one read call: the handler, counters and numbering. */
    private final class Run implements Sink {
        private final OcdsHandler handler;
        private long releases;
        private long packages;
        private long linked;
        private long errors;
        private long warnings;
        private long notes;
        private long releaseSeq;
        private long packageSeq;

        Run(OcdsHandler handler) {
            this.handler = handler;
        }

        ReadCounts counts() {
            return new ReadCounts(releases, packages, linked, errors, warnings, notes);
        }

        @Override public void linked(long count) {
            linked += count;
        }

        @Override public long nextPackageSeq() {
            return packageSeq++;
        }

        @Override public void problem(OcdsProblem.Kind kind, SourcePosition at, String ocid, String message) {
            switch (kind.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
            }
            try {
                handler.problem(new OcdsProblem(kind, at, ocid, message));
            } catch (IOException e) {
                throw new HandlerFailure(e);
            }
        }

        void readZipFile(String name, Path file) throws IOException {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    String entryName = name + "!/" + entry.getName();
                    try (InputStream in = zip.getInputStream(entry)) {
                        dispatch(entryName, in);
                    } catch (IOException e) {
                        problem(OcdsProblem.Kind.UNREADABLE, SourcePosition.of(entryName), null,
                                "cannot read this archive entry: " + describe(e));
                    }
                    long size = entry.getCompressedSize();
                    if (size > 0) {
                        progress.accept(size);
                    }
                }
            }
        }

        /** Reads any input: a zip stream, a gzip stream or text, told apart by their first bytes. */
        void dispatch(String name, InputStream input) throws IOException {
            BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                dispatch(name, new GZIPInputStream(in, 64 * 1024));
            } else if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (!entry.isDirectory()) {
                        String entryName = name + "!/" + entry.getName();
                        try {
                            dispatch(entryName, zip);
                        } catch (IOException e) {
                            problem(OcdsProblem.Kind.UNREADABLE, SourcePosition.of(entryName), null,
                                    "cannot read this archive entry: " + describe(e));
                        }
                    }
                }
            } else {
                readText(name, in, magic);
            }
        }

        private void readText(String name, InputStream in, byte[] magic) throws IOException {
            Charset cs = charset != null ? charset : detectCharset(magic);
            InputStream utf8 = cs.equals(StandardCharsets.UTF_8) ? in : new Utf8Transcoder(in, cs);
            ByteWindow src = new ByteWindow(utf8);
            if (src.peek() == 0xEF) {
                // a UTF-8 byte-order mark: step over it (offsets still count it)
                byte[] bom = new byte[3];
                int n = src.read(bom, 0, 3);
                if (n != 3 || (bom[1] & 0xff) != 0xBB || (bom[2] & 0xff) != 0xBF) {
                    src.rewind(0);
                }
            }
            try {
                if (isLines(name, src)) {
                    readLinesInChunks(name, src);
                } else {
                    new Text(this, name, src, 0).readDocument();
                }
            } catch (CharacterCodingException e) {
                problem(OcdsProblem.Kind.ENCODING, SourcePosition.of(name), null,
                        "bytes that are not " + cs.name() + " (" + describe(e) + "); the rest of this input is skipped");
            } catch (EOFException e) {
                problem(OcdsProblem.Kind.TRUNCATED, new SourcePosition(name, -1, -1, src.position()), null,
                        "the input ends early (" + describe(e) + "): truncated compressed data?");
            }
        }

        /**
         * JSON Lines, in chunks of whole lines cut by the calling thread and parsed by workers (or by
         * the calling thread itself with one thread), their results replayed in input order. A chunk is
         * first parsed by one parser, the fast way; if that fails, again line by line, so that a broken
         * line costs only itself. A line too long for a chunk is streamed by the calling thread.
         */
        private void readLinesInChunks(String name, ByteWindow src) throws IOException {
            ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "ocds-reader");
                t.setDaemon(true);
                return t;
            });
            ArrayDeque<Future<Recorded>> pending = new ArrayDeque<>();
            long[] linesDone = {0};
            try {
                while (src.fill()) {
                    long start = src.position();
                    byte[] chunk = src.takeLines(chunkBytes, maxChunkLine);
                    if (chunk == null) {
                        while (!pending.isEmpty()) {
                            replay(pending.poll(), linesDone);
                        }
                        Text text = new Text(this, name, src, 0);
                        text.linesRead = linesDone[0];
                        text.readLine();
                        linesDone[0]++;
                        continue;
                    }
                    Callable<Recorded> parse = () -> parseChunk(name, chunk, start);
                    if (pool == null) {
                        FutureTask<Recorded> now = new FutureTask<>(parse);
                        now.run();
                        pending.add(now);
                    } else {
                        pending.add(pool.submit(parse));
                    }
                    while (pending.size() > 2 * threads - 1) {
                        replay(pending.poll(), linesDone);
                    }
                }
                while (!pending.isEmpty()) {
                    replay(pending.poll(), linesDone);
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private Recorded parseChunk(String name, byte[] chunk, long start) throws IOException {
            Recorded whole = new Recorded();
            Text text = new Text(whole, name, new ByteWindow(chunk), start);
            whole.lines = text.readWhole(chunk);
            if (whole.lines >= 0) {
                return whole;
            }
            Recorded byLine = new Recorded();
            Text lines = new Text(byLine, name, new ByteWindow(chunk), start);
            lines.readLines();
            byLine.lines = lines.linesRead;
            return byLine;
        }

        private void replay(Future<Recorded> future, long[] linesDone) throws IOException {
            Recorded r;
            try {
                r = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
            r.replayInto(this, linesDone[0], packageSeq);
            packageSeq += r.packages;
            linesDone[0] += r.lines;
        }

        /** UTF-16/32 by byte-order mark or by the zero bytes of an ASCII first character (RFC 4627), else UTF-8. */
        private Charset detectCharset(byte[] m) {
            int b0 = m.length > 0 ? m[0] & 0xff : -1;
            int b1 = m.length > 1 ? m[1] & 0xff : -1;
            int b2 = m.length > 2 ? m[2] & 0xff : -1;
            int b3 = m.length > 3 ? m[3] & 0xff : -1;
            if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF || b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0) {
                return Charset.forName("UTF-32BE");
            }
            if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0) {
                return Charset.forName("UTF-32LE");
            }
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 > 0) {
                return StandardCharsets.UTF_16;
            }
            if (b0 == 0xFF && b1 == 0xFE || b0 > 0 && b1 == 0) {
                return b0 == 0xFF ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE;
            }
            return StandardCharsets.UTF_8;
        }

        /**
         * JSON Lines if the name says so, or if the first non-blank line holds whole JSON values (or is
         * longer than the detection window); otherwise a document that may span lines.
         */
        private boolean isLines(String name, ByteWindow src) throws IOException {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".gz")) {
                lower = lower.substring(0, lower.length() - 3);
            }
            for (String suffix : LINE_SUFFIXES) {
                if (lower.endsWith(suffix)) {
                    return true;
                }
            }
            // look past blank lines without consuming them
            long start = src.position();
            try {
                while (true) {
                    int n = src.peekLine(DETECT_WINDOW);
                    if (n < 0) {
                        return true;
                    }
                    if (n == 0) {
                        return false;
                    }
                    byte[] b = src.peekBuffer();
                    int off = src.peekOffset();
                    boolean blank = true;
                    for (int i = off; i < off + n && blank; i++) {
                        blank = b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n';
                    }
                    if (!blank) {
                        return holdsWholeValues(b, off, n);
                    }
                    src.skipLine();
                }
            } finally {
                src.rewind(start);
            }
        }

        private boolean holdsWholeValues(byte[] b, int off, int len) {
            try (JsonParser p = OcdsJson.mapper().getFactory().createParser(b, off, len)) {
                for (JsonToken t; (t = p.nextToken()) != null; ) {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override public void release(Captured c, OcdsRelease.Origin origin, PackageMetadata meta) {
            if (c.ocid == null) {
                problem(OcdsProblem.Kind.MISSING_OCID, c.at, null, (c.id == null ? "a release" : "release id " + c.id)
                        + " has no ocid (or it is not a non-empty string); it is skipped");
                return;
            }
            if (c.date == null) {
                problem(OcdsProblem.Kind.MISSING_DATE, c.at, c.ocid, (c.id == null ? "a release" : "release id " + c.id)
                        + " has no date (or it is not a string); it is kept, but cannot be put in order among other releases");
            }
            releases++;
            try {
                handler.release(new OcdsRelease(c.ocid, c.date, c.id, origin, meta, c.at, releaseSeq++, c.tree, c.json));
            } catch (IOException e) {
                throw new HandlerFailure(e);
            }
        }

        @Override public void packageEnd(PackageMetadata meta) {
            packages++;
            try {
                handler.packageEnd(meta);
            } catch (IOException e) {
                throw new HandlerFailure(e);
            }
        }
    }

    /** A release read from the input: its key fields plus its tree or its bytes. */
    private record Captured(String ocid, String date, String id, boolean linked, SourcePosition at,
                            ObjectNode tree, byte[] json) {}

    private enum Context { ROOT, RECORD }

    /**
     * What a worker found in a chunk of lines, with line numbers counted from the chunk's first line
     * and package numbers from 0; {@link #replayInto} renumbers both.
     */
    private static final class Recorded implements Sink {
        private final List<Object> events = new ArrayList<>();
        long packages;
        long lines;

        private record Problem(OcdsProblem.Kind kind, SourcePosition at, String ocid, String message) {}

        private record Release(Captured c, OcdsRelease.Origin origin, PackageMetadata meta) {}

        private record PackageEnd(PackageMetadata meta) {}

        private record Linked(long count) {}

        @Override public void problem(OcdsProblem.Kind kind, SourcePosition at, String ocid, String message) {
            events.add(new Problem(kind, at, ocid, message));
        }

        @Override public void release(Captured c, OcdsRelease.Origin origin, PackageMetadata meta) {
            events.add(new Release(c, origin, meta));
        }

        @Override public void packageEnd(PackageMetadata meta) {
            events.add(new PackageEnd(meta));
        }

        @Override public void linked(long count) {
            events.add(new Linked(count));
        }

        @Override public long nextPackageSeq() {
            return packages++;
        }

        void replayInto(Sink out, long lineOffset, long packageOffset) {
            Map<PackageMetadata, PackageMetadata> renumbered = new IdentityHashMap<>();
            for (Object e : events) {
                if (e instanceof Release r) {
                    Captured c = r.c;
                    Captured moved = new Captured(c.ocid(), c.date(), c.id(), c.linked(), shift(c.at(), lineOffset),
                            c.tree(), c.json());
                    out.release(moved, r.origin, renumber(r.meta, packageOffset, renumbered));
                } else if (e instanceof Problem p) {
                    out.problem(p.kind, shift(p.at, lineOffset), p.ocid, p.message);
                } else if (e instanceof PackageEnd p) {
                    out.packageEnd(renumber(p.meta, packageOffset, renumbered));
                } else if (e instanceof Linked l) {
                    out.linked(l.count);
                }
            }
        }

        private static SourcePosition shift(SourcePosition at, long lines) {
            return at.line() > 0 ? new SourcePosition(at.file(), at.line() + lines, at.column(), at.byteOffset()) : at;
        }

        private static PackageMetadata renumber(PackageMetadata m, long offset, Map<PackageMetadata, PackageMetadata> done) {
            if (m.sequence() < 0 || offset == 0) {
                return m;
            }
            return done.computeIfAbsent(m, x -> new PackageMetadata(x.sequence() + offset, x.kind(), x.uri(),
                    x.publishedDate(), x.publisher(), x.license(), x.publicationPolicy(), x.version(), x.extensions()));
        }
    }

    /** Reads one text input, as JSON Lines or as a document, with the positions of one parser at a time. */
    private final class Text {
        private final Sink run;
        private final String name;
        private final ByteWindow src;
        private final ObjectMapper mapper = OcdsJson.mapper();
        /** Where the current parser started: added to its line numbers, and to its byte offsets in {@link #src}. */
        private long lineBase;
        private long byteBase;
        /** Added to offsets in {@link #src} to give offsets in the input (non-zero when src holds a part of it). */
        private final long shift;
        private boolean lines;
        /** Lines read by {@link #readLines}. */
        private long linesRead;

        Text(Sink run, String name, ByteWindow src, long shift) {
            this.run = run;
            this.name = name;
            this.src = src;
            this.shift = shift;
        }

        /**
         * Reads a chunk of whole lines with one parser; returns how many lines it held, or -1 (and
         * what was recorded is to be discarded) if it is not all valid JSON.
         */
        long readWhole(byte[] chunk) throws IOException {
            lineBase = 0;
            byteBase = 0;
            try (JsonParser p = mapper.createParser(src)) {
                readValues(p);
                // the parser has counted the newlines up to the end of the chunk
                long newlines = p.currentLocation().getLineNr() - 1;
                return newlines + (chunk.length > 0 && chunk[chunk.length - 1] != '\n' ? 1 : 0);
            } catch (JsonProcessingException e) {
                return -1;
            }
        }

        /** Reads line after line to the end of the input. */
        void readLines() throws IOException {
            while (src.fill()) {
                readLine();
            }
        }

        /** Reads one line (one parser: a broken line does not spill over into the next). */
        void readLine() throws IOException {
            lines = true;
            linesRead++;
            lineBase = linesRead - 1;
            byteBase = src.position();
            ByteWindow.LineView line = src.line();
            try (JsonParser p = mapper.createParser(line)) {
                readValues(p);
            } catch (JsonProcessingException e) {
                src.retainFrom(-1);
                line.skipRest();
                boolean lastLine = !line.endedWithNewline();
                reportJsonError(e, lastLine, lastLine ? "" : "; the rest of the line is skipped");
            }
            line.skipRest();
        }

        void readDocument() throws IOException {
            lineBase = 0;
            byteBase = src.position();
            while (true) {
                JsonParser p = mapper.createParser(src);
                try (p) {
                    readValues(p);
                    return;
                } catch (JsonProcessingException e) {
                    src.retainFrom(-1);
                    JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                    boolean eof = endsEarly(e);
                    long errorLine = lineBase + Math.max(1, at.getLineNr());
                    long errorByte = byteBase + Math.max(0, at.getByteOffset());
                    if (eof || !src.rewind(errorByte)) {
                        reportJsonError(e, eof, "");
                        if (!eof) {
                            run.problem(OcdsProblem.Kind.INVALID_JSON, SourcePosition.of(name), null,
                                    "could not find where to resume; the rest of this input is skipped");
                        }
                        return;
                    }
                    long resume = resync(errorLine);
                    reportJsonError(e, false, resume < 0 ? "; no later line starts a JSON value, the rest is skipped"
                            : "; resuming at line " + resume);
                    if (resume < 0) {
                        return;
                    }
                    lineBase = resume - 1;
                    byteBase = src.position();
                }
            }
        }

        /** Skips to the next line that starts with '{' or '[' (a top-level value); returns its number or -1. */
        private long resync(long line) throws IOException {
            while (src.skipLine()) {
                line++;
                int c = src.peek();
                if (c == '{' || c == '[') {
                    return line;
                }
            }
            return -1;
        }

        private void reportJsonError(JsonProcessingException e, boolean atEnd, String after) {
            JsonLocation loc = e.getLocation();
            SourcePosition at = loc == null ? SourcePosition.of(name) : position(loc);
            String message = describe(e);
            OcdsProblem.Kind kind;
            if (endsEarly(e)) {
                kind = atEnd ? OcdsProblem.Kind.TRUNCATED : OcdsProblem.Kind.INVALID_JSON;
                message = atEnd ? "the input ends inside a JSON value (truncated file?)"
                        : "the line ends inside a JSON value (broken line?)";
            } else if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
                kind = OcdsProblem.Kind.ENCODING;
                message = message + " (the input is not UTF-8: give its encoding)";
            } else {
                kind = OcdsProblem.Kind.INVALID_JSON;
                message = "invalid JSON: " + message;
            }
            run.problem(kind, at, null, message + after);
        }

        private SourcePosition position(JsonLocation loc) {
            long line = loc.getLineNr() > 0 ? lineBase + loc.getLineNr() : -1;
            if (lines) {
                // the parser of a line may count the line's own newline
                line = lineBase + 1;
            }
            long offset = loc.getByteOffset() >= 0 ? shift + byteBase + loc.getByteOffset() : -1;
            return new SourcePosition(name, line, loc.getColumnNr(), offset);
        }

        private long absolute(JsonLocation loc) {
            return byteBase + loc.getByteOffset();
        }

        /** Top-level values, one after another (concatenated JSON). */
        private void readValues(JsonParser p) throws IOException {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT) {
                    readObject(p, Context.ROOT, PackageMetadata.NONE);
                } else if (t == JsonToken.START_ARRAY) {
                    readTopArray(p, true);
                } else {
                    run.problem(OcdsProblem.Kind.NOT_OCDS, position(p.currentTokenLocation()), null,
                            "the top-level value is " + tokenKind(t) + ", not an OCDS package, record or release");
                }
            }
        }

        /** A top-level array of packages, records or releases (one nested array level is flattened). */
        private void readTopArray(JsonParser p, boolean allowNested) throws IOException {
            for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                if (t == JsonToken.START_OBJECT) {
                    readObject(p, Context.ROOT, PackageMetadata.NONE);
                } else if (t == JsonToken.START_ARRAY && allowNested) {
                    readTopArray(p, false);
                } else if (t != JsonToken.VALUE_NULL) {
                    run.problem(OcdsProblem.Kind.NOT_OCDS, position(p.currentTokenLocation()), null,
                            "an element of the top-level array is " + tokenKind(t) + ", not an OCDS package, record or release");
                    p.skipChildren();
                }
            }
        }

        /**
         * An object that is a package, a record or a release: which one is known only once its
         * {@code releases} / {@code records} array or its end is reached, so its other fields are kept
         * (as trees, or in raw mode only the small ones, the bytes being sliced at the end).
         */
        private void readObject(JsonParser p, Context context, PackageMetadata parent) throws IOException {
            JsonLocation startLoc = p.currentTokenLocation();
            long start = absolute(startLoc);
            boolean mayBeRelease = context == Context.ROOT;
            if (raw && mayBeRelease) {
                src.retainFrom(start);
            }
            ObjectNode shell = mapper.getNodeFactory().objectNode();
            boolean container = false;
            boolean hasRecords = false;
            long seq = -1;
            long embedded = 0;
            long linkedHere = 0;
            Captured compiled = null;
            SourcePosition linkedAt = null;
            for (JsonToken f; (f = p.nextToken()) == JsonToken.FIELD_NAME; ) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                boolean isReleases = "releases".equals(field) && v == JsonToken.START_ARRAY;
                boolean isRecords = "records".equals(field) && v == JsonToken.START_ARRAY && context == Context.ROOT;
                if (isReleases || isRecords) {
                    if (!container) {
                        container = true;
                        if (raw && mayBeRelease) {
                            src.retainFrom(-1);
                        }
                        seq = run.nextPackageSeq();
                    }
                    hasRecords |= isRecords;
                    boolean record = context == Context.RECORD || shell.has("ocid") && !hasRecords;
                    PackageMetadata meta = record ? parent : metadata(shell, seq, hasRecords);
                    if (isReleases) {
                        SourcePosition arrayAt = position(p.currentTokenLocation());
                        long[] counts = readReleaseArray(p, meta, record
                                ? OcdsRelease.Origin.RECORD_RELEASE : OcdsRelease.Origin.PACKAGE_RELEASE);
                        embedded += counts[0];
                        if (counts[1] > 0 && linkedAt == null) {
                            linkedAt = arrayAt;
                        }
                        linkedHere += counts[1];
                    } else {
                        readRecords(p, meta);
                    }
                } else if (context == Context.RECORD && "compiledRelease".equals(field) && v == JsonToken.START_OBJECT) {
                    if (embedded > 0) {
                        p.skipChildren();
                    } else {
                        compiled = capture(p);
                    }
                } else if (context == Context.RECORD && "versionedRelease".equals(field)) {
                    p.skipChildren();
                } else if (raw && v.isStructStart() && !METADATA_FIELDS.contains(field)) {
                    p.skipChildren();
                } else {
                    shell.set(field, mapper.readTree(p));
                }
            }
            String ocid = ocidOf(shell.get("ocid"));
            boolean record = context == Context.RECORD || container && !hasRecords && ocid != null;
            if (record) {
                endRecord(ocid, position(startLoc), parent, embedded, linkedHere, linkedAt, compiled);
            } else if (container) {
                if (linkedHere > 0) {
                    noteLinked(linkedAt, null, linkedHere, false);
                }
                run.packageEnd(metadata(shell, seq, hasRecords));
            } else {
                endBareObject(p, shell, startLoc, start);
            }
        }

        private void endRecord(String ocid, SourcePosition at, PackageMetadata meta, long embedded, long linkedHere, SourcePosition linkedAt,
                               Captured compiled) {
            if (linkedHere > 0) {
                noteLinked(linkedAt, ocid, linkedHere, embedded == 0 && compiled != null);
            }
            if (embedded == 0) {
                if (compiled != null) {
                    run.release(compiled, OcdsRelease.Origin.COMPILED_RELEASE, meta);
                } else if (linkedHere == 0) {
                    run.problem(OcdsProblem.Kind.NOT_OCDS, at, ocid, "a record with neither releases nor a compiledRelease");
                }
            }
        }

        private void noteLinked(SourcePosition at, String ocid, long count, boolean usedCompiled) {
            run.linked(count);
            run.problem(OcdsProblem.Kind.LINKED_RELEASE, at, ocid, count + " linked release" + (count == 1 ? " is" : "s are")
                    + " not fetched and so skipped" + (usedCompiled ? "; the record's compiledRelease is used instead" : ""));
        }

        private void endBareObject(JsonParser p, ObjectNode shell, JsonLocation startLoc, long start) {
            SourcePosition at = position(startLoc);
            try {
                if (shell.has("ocid") || shell.has("date") || shell.has("tag") || shell.has("id")) {
                    byte[] json = null;
                    ObjectNode tree = null;
                    if (raw) {
                        json = src.slice(start, absolute(p.currentLocation()));
                    } else {
                        tree = shell;
                    }
                    run.release(new Captured(ocidOf(shell.get("ocid")), textOf(shell.get("date")), idOf(shell.get("id")),
                            false, at, tree, json), OcdsRelease.Origin.BARE_RELEASE, PackageMetadata.NONE);
                } else {
                    run.problem(OcdsProblem.Kind.NOT_OCDS, at, null, "an object that is not an OCDS package, record or "
                            + "release (it has none of releases, records, ocid, id, date, tag)");
                }
            } finally {
                if (raw) {
                    src.retainFrom(-1);
                }
            }
        }

        private void readRecords(JsonParser p, PackageMetadata meta) throws IOException {
            for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                    if (t == JsonToken.START_OBJECT) {
                        readObject(p, Context.RECORD, meta);
                    } else if (t != JsonToken.VALUE_NULL) {
                        run.problem(OcdsProblem.Kind.NOT_OCDS, position(p.currentTokenLocation()), null,
                                "an element of records is " + tokenKind(t) + ", not a record");
                    p.skipChildren();
                }
            }
        }

        /** The elements of a {@code releases} array; returns {embedded, linked}. */
        private long[] readReleaseArray(JsonParser p, PackageMetadata meta, OcdsRelease.Origin origin) throws IOException {
            long embedded = 0;
            long linkedCount = 0;
            for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                if (t == JsonToken.START_OBJECT) {
                    Captured c = capture(p);
                    if (c.linked) {
                        linkedCount++;
                    } else {
                        embedded++;
                        run.release(c, origin, meta);
                    }
                } else if (t != JsonToken.VALUE_NULL) {
                    run.problem(OcdsProblem.Kind.NOT_OCDS, position(p.currentTokenLocation()), null,
                            "an element of releases is " + tokenKind(t) + ", not a release");
                    p.skipChildren();
                }
            }
            return new long[] {embedded, linkedCount};
        }

        /** One release object at the current START_OBJECT: as a tree, or its bytes and key fields only. */
        private Captured capture(JsonParser p) throws IOException {
            JsonLocation startLoc = p.currentTokenLocation();
            SourcePosition at = position(startLoc);
            if (!raw) {
                ObjectNode tree = mapper.readTree(p);
                return new Captured(ocidOf(tree.get("ocid")), textOf(tree.get("date")), idOf(tree.get("id")),
                        tree.has("url") && tree.size() <= 3, at, tree, null);
            }
            long start = absolute(startLoc);
            src.retainFrom(start);
            try {
                String ocid = null;
                String date = null;
                String id = null;
                boolean hasUrl = false;
                int fields = 0;
                for (JsonToken f; (f = p.nextToken()) == JsonToken.FIELD_NAME; ) {
                    fields++;
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "ocid" -> ocid = v == JsonToken.VALUE_STRING && !p.getText().isEmpty() ? p.getText() : null;
                        case "date" -> date = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "id" -> id = v.isScalarValue() && v != JsonToken.VALUE_NULL ? p.getText() : null;
                        case "url" -> hasUrl = true;
                        default -> { }
                    }
                    if (v.isStructStart()) {
                        p.skipChildren();
                    }
                }
                byte[] json = src.slice(start, absolute(p.currentLocation()));
                return new Captured(ocid, date, id, hasUrl && fields <= 3, at, null, json);
            } finally {
                src.retainFrom(-1);
            }
        }

        private PackageMetadata metadata(ObjectNode shell, long seq, boolean records) {
            List<String> extensions = new ArrayList<>();
            JsonNode ext = shell.get("extensions");
            if (ext != null && ext.isArray()) {
                for (JsonNode e : ext) {
                    if (e.isTextual()) {
                        extensions.add(e.asText());
                    }
                }
            }
            JsonNode publisher = shell.get("publisher");
            return new PackageMetadata(seq, records ? PackageMetadata.Kind.RECORD_PACKAGE : PackageMetadata.Kind.RELEASE_PACKAGE,
                    textOf(shell.get("uri")), textOf(shell.get("publishedDate")),
                    publisher != null && publisher.isObject() ? publisher : null,
                    textOf(shell.get("license")), textOf(shell.get("publicationPolicy")), textOf(shell.get("version")),
                    extensions);
        }
    }

    private static String textOf(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static String ocidOf(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    private static String idOf(JsonNode n) {
        return n != null && (n.isTextual() || n.isNumber()) ? n.asText() : null;
    }
}
