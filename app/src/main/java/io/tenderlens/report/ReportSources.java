package io.tenderlens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.archive.ArchivedSource;
import io.tenderlens.archive.ArchivedSources;
import io.tenderlens.archive.MerkleTree;
import io.tenderlens.archive.TreeHead;
import io.tenderlens.metrics.Notice;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.notice.NoticeDecoder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.tenderlens.report.Html.escape;

/**
 * The archived sources a report cites, copied into the report so that it stays self-contained and checkable offline:
 * {@code archive/<sha256>} (the exact bytes, as archived), {@code proofs/<sha256>.json} (the inclusion proof against
 * the archive's latest signed tree head, as {@code tenderlens prove} prints it), {@code sources/<sha256>.html} (a page
 * per source: where it came from, its hash and proof, the records that cite it and its text, escaped),
 * {@code tree-head.json}, {@code public-key.txt} and {@code verify-proof.py}, which checks them all
 * ({@code python3 verify-proof.py --report .}). A project's source notices link to their pages.
 */
public final class ReportSources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOLDERS = List.of("archive", "proofs", "sources");
    /** The names this class writes into those folders; nothing else there is ever removed. */
    private static final java.util.regex.Pattern COPY_NAME = java.util.regex.Pattern.compile("([0-9a-f]{64})(\\.json|\\.html)?");

    private final ArchivedSources sources;
    /** Archived sources cited by the report's projects, by SHA-256, with the projects citing each. */
    private final Map<String, Cited> cited = new LinkedHashMap<>();
    private int notArchived;

    private record Cited(ArchivedSource source, Notice notice, List<Procurement> citedBy) {}

    public ReportSources(ArchivedSources sources, List<Procurement> projects) {
        this.sources = sources;
        Set<String> unarchived = new java.util.HashSet<>();
        if (sources.snapshot().isEmpty()) {
            return; // no archive: nothing to look up (a report over a million records pays nothing here)
        }
        for (Procurement p : projects) {
            for (Notice n : p.notices()) {
                String sha = n.sha256().toLowerCase(java.util.Locale.ROOT);
                if (sha.isEmpty()) {
                    continue;
                }
                Cited c = cited.get(sha);
                if (c == null && !unarchived.contains(sha)) {
                    ArchivedSource s = sources.source(sha, n.id(), n.date() == null ? "" : n.date().toString(), n.url(),
                            n.file(), n.site(), n.type());
                    if (s.archived()) {
                        c = new Cited(s, n, new ArrayList<>());
                        cited.put(sha, c);
                    } else {
                        unarchived.add(sha);
                    }
                }
                if (c != null && (c.citedBy.isEmpty() || c.citedBy.get(c.citedBy.size() - 1) != p)) {
                    c.citedBy.add(p);
                }
            }
        }
        notArchived = unarchived.size();
    }

    /** No archive: the report lists its sources without archived copies. */
    public static ReportSources none() {
        return new ReportSources(ArchivedSources.none(), List.of());
    }

    /** The link from the report's page to a notice's source page, when the notice's bytes are archived. */
    public Optional<String> href(Notice n) {
        String sha = n.sha256().toLowerCase(java.util.Locale.ROOT);
        return cited.containsKey(sha) ? Optional.of(pagePath(sha)) : Optional.empty();
    }

    static String pagePath(String sha) {
        return "sources/" + sha + ".html";
    }

    public int archivedCount() {
        return cited.size();
    }

    /** Sources that the projects cite by SHA-256 but the archive does not hold (0 when there is no archive). */
    public int notArchivedCount() {
        return notArchived;
    }

    public Optional<TreeHead> treeHead() {
        return sources.treeHead();
    }

    /** The methodology paragraph on sources: what is archived, against which signed head, and how to check it. */
    String methodologyHtml() {
        StringBuilder h = new StringBuilder("<h3>来源与存档 Sources and their archived copies</h3><p>");
        Optional<TreeHead> head = treeHead();
        if (head.isEmpty() || cited.isEmpty()) {
            h.append(escape("本报告引用的来源没有存档副本（数据目录中没有存档，或存档中没有这些来源）。"
                    + " No archived copies of the cited sources: the data directory has no archive, or the archive does not hold them."
                    + " Archive them with 'tenderlens archive add FILES' (or harvest them), then run the report again."));
            return h.append("</p>").toString();
        }
        h.append(escape("每个项目的“来源公告”链接到该公告的存档页：原始字节（archive/<sha256>，以 SHA-256 命名）、"
                + "在签名透明日志中的包含证明（proofs/<sha256>.json，RFC 9162）以及其文本。"
                + " Each project's source notices link to their archived copy: the exact bytes (archive/<sha256>, named by their SHA-256),"
                + " the inclusion proof in the signed transparency log (proofs/<sha256>.json, RFC 9162) and their text."))
                .append("</p><ul><li>").append(escape("已存档来源 archived sources: " + cited.size()
                        + (notArchived > 0 ? "；未存档 not archived: " + notArchived : ""))).append("</li><li>")
                .append(escape("签名树头 signed tree head: size " + head.get().treeSize() + ", root " + MerkleTree.hex(head.get().rootHash())
                        + ", " + java.time.Instant.ofEpochMilli(head.get().timestampMillis()))).append("</li><li>")
                .append(escape("公钥 Ed25519 public key: " + MerkleTree.hex(head.get().publicKey()))).append("</li><li>")
                .append(escape("离线核验 Check offline, in this folder: python3 verify-proof.py --report . --public-key <the archive owner's published key>"))
                .append("</li></ul>");
        return h.toString();
    }

    /** Writes the archived copies, proofs, source pages and the checker into the report directory {@code dir}. */
    void write(Path dir) throws IOException {
        Optional<Path> archiveDir = sources.snapshot().map(io.tenderlens.archive.ArchiveSnapshot::directory);
        if (archiveDir.isPresent() && Files.isDirectory(dir.resolve("archive")) && Files.isSameFile(dir.resolve("archive"), archiveDir.get())) {
            throw new IOException("the report folder " + dir + " is the data directory of the archive " + archiveDir.get()
                    + ": write the report somewhere else");
        }
        for (String folder : FOLDERS) {
            if (Files.isDirectory(dir.resolve(folder))) {
                removeUncited(dir.resolve(folder));
            }
        }
        if (cited.isEmpty()) {
            for (String file : List.of("tree-head.json", "public-key.txt", "verify-proof.py")) {
                Files.deleteIfExists(dir.resolve(file)); // an earlier report's: this one carries no copies to check
            }
            return;
        }
        for (String folder : FOLDERS) {
            Files.createDirectories(dir.resolve(folder));
        }
        TreeHead head = treeHead().orElseThrow();
        for (Map.Entry<String, Cited> e : cited.entrySet()) {
            String sha = e.getKey();
            ArchivedSource s = e.getValue().source;
            copyBytes(s.path().orElseThrow(), dir.resolve("archive").resolve(sha));
            writeAtomically(dir.resolve("proofs").resolve(sha + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s.proof().orElseThrow().toJson()) + "\n");
            writeAtomically(dir.resolve(pagePath(sha)), page(e.getValue(), Files.readAllBytes(s.path().get())));
        }
        writeAtomically(dir.resolve("tree-head.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(head.toJson()) + "\n");
        writeAtomically(dir.resolve("public-key.txt"), MerkleTree.hex(head.publicKey()) + "\n");
        try (InputStream in = io.tenderlens.archive.Archive.class.getResourceAsStream("verify-proof.py")) {
            if (in == null) {
                throw new IOException("verify-proof.py is missing from this installation's resources");
            }
            writeAtomically(dir.resolve("verify-proof.py"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Copies, proofs and pages of an earlier report that this one no longer cites; other files are left alone. */
    private void removeUncited(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                java.util.regex.Matcher m = COPY_NAME.matcher(f.getFileName().toString());
                if (m.matches() && !cited.containsKey(m.group(1))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** A hard link where the file system allows it (archived objects never change), else a copy. */
    private static void copyBytes(Path object, Path target) throws IOException {
        if (Files.exists(target) && Files.isSameFile(object, target)) {
            return;
        }
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, object);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(object, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String page(Cited c, byte[] bytes) {
        ArchivedSource s = c.source;
        String sha = s.sha256();
        var proof = s.proof().orElseThrow();
        TreeHead head = proof.treeHead();
        NoticeDecoder.Decoded decoded = NoticeDecoder.decode(bytes);
        StringBuilder h = new StringBuilder(bytes.length + 4096);
        String title = "来源 Source " + sha.substring(0, 12) + (s.site().isEmpty() ? "" : " · " + s.site());
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(CSS).append("</style></head><body>\n")
                .append("<p><a href=\"../index.html#projects-section\">← 报告 Report</a></p><h1>").append(escape(title)).append("</h1>");
        h.append("<table class=\"facts\"><tbody>");
        row(h, "SHA-256", "<code>" + escape(sha) + "</code>");
        row(h, "大小 size", escape(s.size() + " bytes"));
        row(h, "来源 where from", escape(String.join(" · ", nonBlank(s.site(), s.noticeType(), s.date()))));
        if (!s.url().isEmpty()) {
            String href = Html.safeHref(s.url());
            row(h, "原网址 original URL", href.isEmpty() || href.startsWith("#") ? escape(s.url())
                    : "<a href=\"" + href + "\" rel=\"noopener noreferrer nofollow\">" + escape(s.url()) + "</a>");
        }
        if (!s.file().isEmpty()) {
            row(h, "文件 file", escape(s.file()));
        }
        row(h, "存档字节 archived bytes", "<a href=\"../archive/" + sha + "\">archive/" + sha + "</a>");
        row(h, "包含证明 inclusion proof", "<a href=\"../proofs/" + sha + ".json\">proofs/" + sha + ".json</a> — "
                + escape("leaf " + proof.leafIndex() + " of " + head.treeSize() + ", " + proof.auditPath().size() + "-hash audit path"));
        row(h, "签名树头 signed tree head", escape("root " + MerkleTree.hex(head.rootHash()) + ", " + java.time.Instant.ofEpochMilli(head.timestampMillis())
                + ", Ed25519 key " + MerkleTree.hex(head.publicKey())));
        StringBuilder records = new StringBuilder();
        for (Procurement p : c.citedBy) {
            records.append("<a href=\"../index.html#").append(escape(ReportTables.anchor(p.ocid()))).append("\">").append(escape(p.ocid()))
                    .append("</a> ").append(escape(p.title())).append("<br>");
        }
        row(h, "引用它的项目 cited by", records.toString());
        h.append("</tbody></table>");
        h.append("<h2>核验 How to check</h2><pre>")
                .append(escape("sha256sum archive/" + sha + "\n"
                        + "python3 verify-proof.py proofs/" + sha + ".json archive/" + sha + " --public-key <the archive owner's published key>\n"
                        + "python3 verify-proof.py --report .      # every source of this report"))
                .append("</pre><p>").append(escape("在报告文件夹中运行。Run in the report's folder. The leaf is SHA-256(0x00 || SHA-256(bytes)); "
                        + "the audit path leads to the signed root as in RFC 9162 §2.1.3.2 (docs/ARCHIVE.md)."))
                .append("</p>");
        h.append("<h2>文本 Text</h2><p class=\"note\">").append(escape("存档字节的文本（" + decoded.charset().name() + "，"
                        + decoded.evidence() + "）；只显示文字，不执行页面。 The text of the archived bytes (decoded as " + decoded.charset().name()
                        + "); shown as text, the page itself is never run."))
                .append("</p><pre class=\"text\">").append(escape(looksLikeHtml(decoded.text()) ? pageText(decoded.text()) : decoded.text()))
                .append("</pre></body></html>\n");
        return h.toString();
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(escape(label)).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(2048, text.length())).toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") || head.contains("<body") || head.contains("<div") || head.contains("<table");
    }

    /** The visible text of a page, a line per block element and table row, cells separated by tabs; scripts dropped. */
    static String pageText(String html) {
        StringBuilder out = new StringBuilder();
        Jsoup.parse(html).body().traverse(new NodeVisitor() {
            @Override public void head(Node node, int depth) {
                if (node instanceof TextNode t && !(t.parent() != null && (t.parent().normalName().equals("script") || t.parent().normalName().equals("style")))) {
                    String text = t.text();
                    if (!text.isBlank()) {
                        out.append(text.strip());
                    }
                } else if (node instanceof Element e && isCell(e) && out.length() > 0 && out.charAt(out.length() - 1) != '\n'
                        && out.charAt(out.length() - 1) != '\t') {
                    out.append('\t');
                }
            }

            @Override public void tail(Node node, int depth) {
                if (node instanceof Element e && !isCell(e) && (e.isBlock() || e.normalName().equals("br") || e.normalName().equals("tr"))
                        && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        });
        return out.toString().strip();
    }

    private static boolean isCell(Element e) {
        return e.normalName().equals("td") || e.normalName().equals("th");
    }

    private static final String CSS = """
            body{font-family:%s;margin:16px 24px;color:#222;background:#fafafa;font-size:14px;max-width:1100px}
            h1{font-size:20px}h2{font-size:16px;border-bottom:2px solid #1f3b5c}
            table.facts{border-collapse:collapse;background:#fff}table.facts th,table.facts td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            table.facts th{background:#eef2f7;white-space:nowrap}code{word-break:break-all}
            pre{background:#fff;border:1px solid #ddd;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
            .note{font-size:12px;color:#555}
            """.formatted(SvgCharts.FONT);
}
