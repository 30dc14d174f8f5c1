package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a saved notice page into a {@link NoticeDocument}: heading, breadcrumb, publication time and
 * address from the page chrome (ccgp.gov.cn and provincial sites), then the notice body as lines and
 * tables. Tables that hold other tables are layout and read as prose; innermost tables are data.
 */
final class HtmlNoticeReader {
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "tr", "td", "th", "hr", "section", "article", "dd", "dt", "dl", "blockquote", "center", "pre",
            "form", "header", "footer", "title", "body", "html", "tbody", "thead", "caption");
    private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");
    private static final Pattern ANY_URL = Pattern.compile("https?://[^\\s\"'<>()（）]+");
    private static final Pattern NOTICE_WORDS = Pattern.compile("公告|公示|结果|预告|意向|通知|招标|采购|合同");

    private HtmlNoticeReader() {}

    static NoticeDocument read(String html) {
        Document doc = Jsoup.parse(html);
        Chrome chrome = new Chrome();
        chrome.scan(doc, false, null);
        String url = chrome.pageUrl();
        chrome.removed.forEach(Node::remove);
        String title = chrome.title();
        String channel = chrome.location == null ? null : afterColon(chrome.location.text());
        String published = chrome.pubTime != null && !chrome.pubTime.text().isBlank() ? chrome.pubTime.text() : chrome.meta("PubDate");
        String site = chrome.meta("SiteDomain");
        if (site == null) {
            site = chrome.meta("SiteName");
        }
        Element root = chrome.main != null ? chrome.main : doc.body();
        Blocks blocks = new Blocks(chrome.layoutTables);
        blocks.walk(root);
        blocks.flush();
        if (channel == null) {
            for (NoticeDocument.Block b : blocks.out) {
                if (b instanceof NoticeDocument.Line l && l.text().contains("当前位置")) {
                    channel = afterColon(l.text().substring(l.text().indexOf("当前位置")));
                    break;
                }
            }
        }
        return new NoticeDocument(title, channel, published, url, site, List.copyOf(blocks.out), blocks.all.toString());
    }

    private static String afterColon(String s) {
        int i = Math.max(s.indexOf('：'), s.indexOf(':'));
        return Text.squash(i >= 0 ? s.substring(i + 1) : s);
    }

    /**
     * The page chrome, found in one pass over the tree (a selector per item would walk the whole page each time):
     * meta tags, the canonical address, comments, breadcrumb, publication time, heading, main content, and the
     * elements that are not text (scripts, forms …).
     */
    private static final class Chrome {
        private static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "iframe", "object", "select",
                "button", "input", "textarea");
        final List<String> comments = new ArrayList<>();
        final Map<String, String> metas = new HashMap<>();
        final List<Element> titles = new ArrayList<>();
        final List<Element> removed = new ArrayList<>();
        /** Tables that hold other tables: layout, read as prose (marked here so that no table is searched for tables). */
        final Set<Element> layoutTables = Collections.newSetFromMap(new IdentityHashMap<>());
        String canonical;
        Element location;
        Element pubTime;
        Element main;
        Element heading;

        void scan(Element parent, boolean inHeader, Element table) {
            for (Node child : parent.childNodes()) {
                if (child instanceof Comment c) {
                    comments.add(c.getData());
                } else if (child instanceof Element e) {
                    String tag = e.normalName();
                    if (NOT_TEXT.contains(tag)) {
                        removed.add(e);
                        continue;
                    }
                    switch (tag) {
                        case "meta" -> {
                            String name = e.attr("name");
                            if (!name.isEmpty()) {
                                metas.putIfAbsent(name.toLowerCase(Locale.ROOT), e.attr("content").trim());
                            } else if (canonical == null && e.attr("property").equalsIgnoreCase("og:url")) {
                                canonical = e.attr("content");
                            }
                        }
                        case "link" -> {
                            if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                                canonical = e.attr("href");
                            }
                        }
                        case "title" -> titles.add(e);
                        case "table" -> {
                            if (table != null) {
                                layoutTables.add(table);
                            }
                        }
                        case "h1" -> heading = heading == null ? e : heading;
                        case "h2" -> heading = heading == null && (inHeader || e.hasClass("tc")) ? e : heading;
                        default -> { }
                    }
                    boolean header = inHeader;
                    if (e.hasAttr("class")) {
                        if (location == null && (e.hasClass("vF_deail_currentloc") || e.hasClass("vF_detail_currentloc"))) {
                            location = e;
                        }
                        if (main == null && (e.hasClass("vF_deail_maincontent") || e.hasClass("vF_detail_main"))) {
                            main = e;
                        }
                        header |= e.hasClass("vF_detail_header");
                    }
                    if (pubTime == null && e.id().equals("pubTime")) {
                        pubTime = e;
                    }
                    scan(e, header, tag.equals("table") ? e : table);
                }
            }
        }

        String meta(String name) {
            String c = metas.get(name.toLowerCase(Locale.ROOT));
            return c == null || c.isEmpty() ? null : c;
        }

        /** The notice heading: the ArticleTitle meta, the page's h2 heading, else the document title when it reads like one. */
        String title() {
            String t = meta("ArticleTitle");
            if (t != null) {
                return Text.squash(t);
            }
            if (heading != null && !heading.text().isBlank() && NOTICE_WORDS.matcher(heading.text()).find()) {
                return Text.squash(heading.text());
            }
            for (Element e : titles) {
                String s = Text.squash(e.text());
                if (!s.isEmpty() && NOTICE_WORDS.matcher(s).find() && !s.endsWith("页面")) {
                    return s;
                }
            }
            return null;
        }

        /** The address the page was saved from, as its canonical link gives it or browsers and trimming tools note it in comments. */
        String pageUrl() {
            if (canonical != null && canonical.startsWith("http")) {
                return canonical;
            }
            for (String c : comments) {
                Matcher m = SAVED_FROM.matcher(c);
                if (m.find()) {
                    return m.group(1);
                }
            }
            for (String c : comments) {
                Matcher m = ANY_URL.matcher(c);
                if (m.find()) {
                    return m.group();
                }
            }
            return null;
        }
    }

    /** Turns the DOM into lines and grids. */
    private static final class Blocks {
        final List<NoticeDocument.Block> out = new ArrayList<>();
        final StringBuilder all = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private final Set<Element> layoutTables;

        Blocks(Set<Element> layoutTables) {
            this.layoutTables = layoutTables;
        }

        void walk(Node node) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode t) {
                    line.append(t.getWholeText());
                } else if (child instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("table") && !layoutTables.contains(e)) {
                        flush();
                        grid(e);
                    } else if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        walk(e);
                        flush();
                    } else {
                        walk(e);
                    }
                }
            }
        }

        void flush() {
            String s = Text.squash(line.toString());
            line.setLength(0);
            if (!s.isEmpty()) {
                out.add(new NoticeDocument.Line(s));
                all.append(s).append('\n');
            }
        }

        private void grid(Element table) {
            List<List<String>> rows = new ArrayList<>();
            List<Element> trs = new ArrayList<>();
            rowsOf(table, trs);
            for (Element tr : trs) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (Element cell : tr.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        String s = Text.squash(cellText(cell));
                        cells.add(s);
                        any |= !s.isEmpty();
                    }
                }
                if (any) {
                    rows.add(cells);
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            boolean singleColumn = rows.stream().allMatch(r -> r.stream().filter(c -> !c.isEmpty()).count() <= 1);
            if (singleColumn) {
                for (List<String> r : rows) {
                    for (String c : r) {
                        if (!c.isEmpty()) {
                            out.add(new NoticeDocument.Line(c));
                            all.append(c).append('\n');
                        }
                    }
                }
                return;
            }
            out.add(new NoticeDocument.Grid(List.copyOf(rows)));
            for (List<String> r : rows) {
                all.append(String.join(" | ", r)).append('\n');
            }
        }

        /** The rows of a table with no table inside, in order (jsoup puts them in tbody/thead/tfoot). */
        private static void rowsOf(Element parent, List<Element> rows) {
            for (Element child : parent.children()) {
                if (child.normalName().equals("tr")) {
                    rows.add(child);
                } else {
                    rowsOf(child, rows);
                }
            }
        }

        /** Cell text with line breaks kept as spaces (jsoup's text() would glue <p> lines together). */
        private static String cellText(Element cell) {
            StringBuilder sb = new StringBuilder();
            appendText(cell, sb);
            return sb.toString();
        }

        private static void appendText(Node node, StringBuilder sb) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (child instanceof Element e) {
                    boolean block = BLOCK_TAGS.contains(e.normalName());
                    if (block) {
                        sb.append(' ');
                    }
                    appendText(e, sb);
                    if (block) {
                        sb.append(' ');
                    }
                }
            }
        }
    }
}
