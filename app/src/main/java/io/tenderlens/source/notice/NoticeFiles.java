package io.tenderlens.source.notice;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.nio.charset.StandardCharsets;
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
 * <p>{@link #releases} is what {@code convert} and {@code ingest} call: files → linked releases.
 */
public final class NoticeFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CcgpNoticeParser pages;
    private final PlainTextNoticeParser texts;
    private final AggregatorNotices aggregator;

    public NoticeFiles() {
        this(new CcgpNoticeParser(), new PlainTextNoticeParser());
    }

    public NoticeFiles(CcgpNoticeParser pages, PlainTextNoticeParser texts) {
        this.pages = pages;
        this.texts = texts;
        this.aggregator = new AggregatorNotices(texts);
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
     * release, the notices of one procurement share an ocid. Releases come in input order.
     */
    public Result releases(List<Path> files, Consumer<NoticeProblem> problems) throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        List<NoticeProblem> seen = new ArrayList<>();
        Consumer<NoticeProblem> collect = p -> {
            seen.add(p);
            problems.accept(p);
        };
        for (Path f : expand(files)) {
            read(f, all::add, collect);
        }
        NoticeLinker.Linked linked = NoticeLinker.link(all);
        return new Result(linked.releases(), all.size(), linked.duplicateOf().size(), seen);
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

    /** Reads one file: each notice in it to {@code releases}, each failure to {@code problems}. */
    public void read(Path file, Consumer<ObjectNode> releases, Consumer<NoticeProblem> problems) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.accept(new NoticeProblem(name, "", "no such file"));
            return;
        }
        Kind kind = kindOf(file);
        if (kind == null) {
            problems.accept(new NoticeProblem(name, "", "not a notice file: expected .html/.htm pages, .txt texts, "
                    + ".csv crawler tables or .json aggregator arrays"));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        // a saved page or text that prints no date at all is dated by its file, and says so
        Consumer<ObjectNode> dated = r -> {
            if (!r.has("date")) {
                try {
                    String modified = Files.getLastModifiedTime(file).toInstant().toString();
                    r.put("date", modified);
                    ObjectNode p = r.withArray("provenance").addObject();
                    p.put("id", "date");
                    p.put("text", name + " last modified " + modified);
                    p.put("rule", "date.fileModified");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            releases.accept(r);
        };
        switch (kind) {
            case PAGE -> one(() -> pages.parse(bytes, NoticeOrigin.ofFile(name, Hashes.sha256(bytes))), name, "", dated, problems);
            case TEXT -> one(() -> texts.parse(bytes, NoticeOrigin.ofFile(name, Hashes.sha256(bytes))), name, "", dated, problems);
            case CSV -> csv(name, bytes, releases, problems);
            case AGGREGATOR_JSON -> aggregator(name, bytes, releases, problems);
        }
    }

    private interface Parse {
        ObjectNode run() throws NotANoticeException;
    }

    private static void one(Parse parse, String file, String position, Consumer<ObjectNode> releases,
                            Consumer<NoticeProblem> problems) {
        try {
            releases.accept(parse.run());
        } catch (NotANoticeException e) {
            problems.accept(new NoticeProblem(file, position, "not a procurement notice: " + e.reason()));
        } catch (RuntimeException e) {
            problems.accept(new NoticeProblem(file, position, "could not be read: " + e));
        }
    }

    /** A crawler's table: a header row naming title (name/title), text (content/text/detail), time and url columns. */
    private void csv(String file, byte[] bytes, Consumer<ObjectNode> releases, Consumer<NoticeProblem> problems) throws IOException {
        String text = NoticeDecoder.decode(bytes).text();
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
                        problems.accept(new NoticeProblem(file, "line 1", "no text column: expected a header with "
                                + "content (or text, detail) and title (or name), time, url"));
                        return;
                    }
                    header = false;
                    continue;
                }
                String position = "line " + r.getParser().getCurrentLineNumber() + ", record " + (r.getRecordNumber() - 1);
                String rowText = cell(r, content);
                String rowTitle = cell(r, title);
                NoticeOrigin origin = new NoticeOrigin(file + "#" + (r.getRecordNumber() - 1), blank(cell(r, url)), null,
                        blank(cell(r, time)), Hashes.sha256(String.join("\u0000", r.toList())));
                one(() -> texts.parse(blank(rowTitle), rowText, origin), file, position, releases, problems);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            problems.accept(new NoticeProblem(file, "", "broken CSV: " + e.getMessage()));
        }
    }

    private static String cell(CSVRecord r, int i) {
        return i >= 0 && i < r.size() ? r.get(i) : "";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void aggregator(String file, byte[] bytes, Consumer<ObjectNode> releases, Consumer<NoticeProblem> problems) {
        JsonNode array;
        try {
            array = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.accept(new NoticeProblem(file, "", "broken JSON: " + e.getMessage()));
            return;
        }
        int i = 0;
        for (JsonNode record : array) {
            String position = "record " + i;
            String at = file + "#" + i;
            one(() -> aggregator.toRelease(record, at), file, position, releases, problems);
            i++;
        }
    }
}
