package io.tenderlens.source.notice;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.notice.AggregatorNotices;
import io.tenderlens.notice.CcgpNoticeParser;
import io.tenderlens.notice.Hashes;
import io.tenderlens.notice.NotANoticeException;
import io.tenderlens.notice.NoticeDecoder;
import io.tenderlens.notice.NoticeLinker;
import io.tenderlens.notice.NoticeOrigin;
import io.tenderlens.notice.PlainTextNoticeParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads files of Chinese procurement notices into OCDS releases: saved pages ({@code .html},
 * {@code .htm}, {@code .shtml}), plain texts ({@code .txt}), crawler tables ({@code .csv} with
 * title/name, content, time and url columns) and aggregator dumps ({@code .json}: an array of
 * 剑鱼标讯-style records). Directories are read recursively, in name order. A file or record that is
 * not a notice becomes a {@link NoticeProblem} naming it; the rest is read.
 *
 * <p>{@link #releases} is what {@code convert} and {@code ingest} call: files → linked releases. Notices
 * are parsed on several threads (one per core unless told otherwise: the parsers are pure), a crawler table's
 * or aggregator array's rows too; releases and problems still come out in input order, so the output does
 * not depend on the number of threads.
 */
public final class NoticeFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CcgpNoticeParser pages;
    private final PlainTextNoticeParser texts;
    private final AggregatorNotices aggregator;
    private final int workers;

    /** A reader that parses on every core. */
    public NoticeFiles() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A reader that parses on {@code workers} threads (1: on the calling thread). The output is the same. */
    public NoticeFiles(int workers) {
        this(new CcgpNoticeParser(), new PlainTextNoticeParser(), workers);
    }

    public NoticeFiles(CcgpNoticeParser pages, PlainTextNoticeParser texts, int workers) {
        this.pages = pages;
        this.texts = texts;
        this.aggregator = new AggregatorNotices(texts);
        this.workers = workers;
    }

    /** The kinds of notice file, by name (and, for {@code .json}, by the shape of its records). */
    public enum Kind { PAGE, TEXT, CSV, AGGREGATOR_JSON }

    /** The kind of a notice file, or null when the file is not one this reader knows (an OCDS file, say). */
    public static Kind kindOf(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml") || name.endsWith(".xhtml")) {
            return Kind.PAGE;
        }
        if (name.endsWith(".txt")) {
            return Kind.TEXT;
        }
        if (name.endsWith(".csv")) {
            return Kind.CSV;
        }
        if (name.endsWith(".json") && looksLikeAggregator(file)) {
            return Kind.AGGREGATOR_JSON;
        }
        return null;
    }

    /** An array of objects with a {@code title} and the aggregator's {@code subtype}/{@code spiderCode}/{@code detail}. */
    private static boolean looksLikeAggregator(Path file) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonNode first = JSON.readTree(p);
            return first.has("title") && (first.has("spiderCode") || first.has("subtype") || first.has("detail"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** The outcome of reading files: the kept releases (linked) and the problems met. */
    public record Result(List<ObjectNode> releases, int notices, int duplicates, List<NoticeProblem> problems) {}

    /**
     * Reads the files (directories recursively) and links the notices: exact re-publications become one
     * release, the notices of one procurement share an ocid. Releases come in input order, and so do the
     * problems, whatever the number of workers.
     */
    public Result releases(List<Path> files, Consumer<NoticeProblem> problems) throws IOException {
        List<ObjectNode> distinct = new ArrayList<>();
        NoticeLinker.Republications republications = new NoticeLinker.Republications();
        List<NoticeProblem> seen = new ArrayList<>();
        int[] notices = {0};
        // Exact re-publications are dropped as they arrive, by the linker's own rule: a crawl that holds each
        // notice 25 times then keeps one copy in memory, not 25.
        Consumer<Outcome> collect = o -> {
            if (o.problem() != null) {
                seen.add(o.problem());
                problems.accept(o.problem());
            } else {
                notices[0]++;
                if (republications.earlier(o.release()) < 0) {
                    distinct.add(o.release());
                }
            }
        };
        try (OrderedWork<Outcome> work = new OrderedWork<>(workers, collect)) {
            for (Path f : expand(files)) {
                read(f, work);
            }
            work.finish();
        }
        NoticeLinker.Linked linked = NoticeLinker.link(distinct);
        return new Result(linked.releases(), notices[0], notices[0] - distinct.size(), seen);
    }

    /** Files in order, directories replaced by the notice files under them (sorted by path). */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        if (kindOf(f) != null) {
                            out.add(f);
                        }
                    }
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** What reading one notice gave: its release, or the problem that kept it from being one. */
    private record Outcome(ObjectNode release, NoticeProblem problem) {
        static Outcome problem(String file, String position, String message) {
            return new Outcome(null, new NoticeProblem(file, position, message));
        }
    }

    /**
     * Queues the reading of one file: a page or text is read and parsed by a worker; a crawler table or
     * aggregator array is split into its rows here and each row is parsed by a worker.
     */
    private void read(Path file, OrderedWork<Outcome> work) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            work.submit(() -> Outcome.problem(name, "", "no such file"));
            return;
        }
        Kind kind;
        try {
            kind = kindOf(file);
        } catch (IOException e) {
            work.submit(() -> Outcome.problem(name, "", "could not be read: " + e));
            return;
        }
        if (kind == null) {
            work.submit(() -> Outcome.problem(name, "", "not a notice file: expected .html/.htm pages, .txt texts, "
                    + ".csv crawler tables or .json aggregator arrays"));
            return;
        }
        switch (kind) {
            case PAGE, TEXT -> work.submit(() -> page(file, kind));
            case CSV -> csv(file, work);
            case AGGREGATOR_JSON -> aggregator(file, work);
        }
    }

    /** One saved page or text. One that prints no date at all is dated by its file, and says so. */
    private Outcome page(Path file, Kind kind) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Outcome.problem(name, "", "could not be read: " + e);
        }
        NoticeOrigin origin = NoticeOrigin.ofFile(name, Hashes.sha256(bytes));
        Outcome read = one(() -> kind == Kind.PAGE ? pages.parse(bytes, origin) : texts.parse(bytes, origin), name, "");
        ObjectNode r = read.release();
        if (r != null && !r.has("date")) {
            try {
                String modified = Files.getLastModifiedTime(file).toInstant().toString();
                r.put("date", modified);
                ObjectNode p = r.withArray("provenance").addObject();
                p.put("id", "date");
                p.put("text", name + " last modified " + modified);
                p.put("rule", "date.fileModified");
            } catch (IOException e) {
                return Outcome.problem(name, "", "could not be dated by the file: " + e);
            }
        }
        return read;
    }

    private interface Parse {
        ObjectNode run() throws NotANoticeException;
    }

    private static Outcome one(Parse parse, String file, String position) {
        try {
            return new Outcome(parse.run(), null);
        } catch (NotANoticeException e) {
            return Outcome.problem(file, position, "not a procurement notice: " + e.reason());
        } catch (RuntimeException e) {
            return Outcome.problem(file, position, "could not be read: " + e);
        }
    }

    /** A crawler's table: a header row naming title (name/title), text (content/text/detail), time and url columns. */
    private void csv(Path path, OrderedWork<Outcome> work) {
        String file = path.toString();
        String text;
        try {
            text = NoticeDecoder.decode(Files.readAllBytes(path)).text();
        } catch (IOException e) {
            work.submit(() -> Outcome.problem(file, "", "could not be read: " + e));
            return;
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            int title = -1;
            int content = -1;
            int time = -1;
            int url = -1;
            boolean header = true;
            for (CSVRecord r : parser) {
                if (header) {
                    for (int i = 0; i < r.size(); i++) {
                        String h = r.get(i).trim().toLowerCase(Locale.ROOT);
                        switch (h) {
                            case "name", "title", "标题" -> title = i;
                            case "content", "text", "detail", "body", "正文", "内容" -> content = i;
                            case "time", "date", "publishtime", "pubdate", "发布时间", "时间" -> time = i;
                            case "url", "link", "href", "链接" -> url = i;
                            default -> { }
                        }
                    }
                    if (content < 0) {
                        work.submit(() -> Outcome.problem(file, "line 1", "no text column: expected a header with "
                                + "content (or text, detail) and title (or name), time, url"));
                        return;
                    }
                    header = false;
                    continue;
                }
                long row = r.getRecordNumber() - 1;
                String position = "line " + r.getParser().getCurrentLineNumber() + ", record " + row;
                List<String> cells = r.toList();
                String rowText = cell(cells, content);
                String rowTitle = cell(cells, title);
                String rowUrl = cell(cells, url);
                String rowTime = cell(cells, time);
                work.submit(() -> {
                    NoticeOrigin origin = new NoticeOrigin(file + "#" + row, blank(rowUrl), null, blank(rowTime),
                            Hashes.sha256(String.join("\u0000", cells)));
                    return one(() -> texts.parse(blank(rowTitle), rowText, origin), file, position);
                });
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            work.submit(() -> Outcome.problem(file, "", "broken CSV: " + e.getMessage()));
        }
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** An aggregator's array, read record by record: the records before a break in the JSON are kept. */
    private void aggregator(Path path, OrderedWork<Outcome> work) {
        String file = path.toString();
        try (JsonParser p = JSON.getFactory().createParser(path.toFile())) {
            p.nextToken(); // the array, as kindOf saw
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonEOFException(p, null, "the array is not closed");
                }
                JsonNode record = JSON.readTree(p);
                String position = "record " + i;
                String at = file + "#" + i;
                work.submit(() -> one(() -> aggregator.toRelease(record, at), file, position));
                i++;
            }
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? "line " + j.getLocation().getLineNr() + ", byte offset " + j.getLocation().getByteOffset() : "";
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.toString();
            work.submit(() -> Outcome.problem(file, where, "broken JSON: " + message));
        }
    }
}
