package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

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
        String url = pageUrl(doc);
        doc.select("script, style, noscript, iframe, object, select, button, input, textarea").remove();
        String title = title(doc);
        String channel = null;
        Element loc = doc.selectFirst(".vF_deail_currentloc, .vF_detail_currentloc");
        if (loc != null) {
            channel = afterColon(loc.text());
        }
        String published = null;
        Element pub = doc.selectFirst("#pubTime");
        if (pub != null && !pub.text().isBlank()) {
            published = pub.text();
        } else {
            published = meta(doc, "PubDate");
        }
        String site = meta(doc, "SiteDomain");
        if (site == null) {
            site = meta(doc, "SiteName");
        }
        Element root = doc.selectFirst(".vF_deail_maincontent, .vF_detail_main");
        if (root == null) {
            root = doc.body();
        }
        Blocks blocks = new Blocks();
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

    private static String meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[name=" + name + "]");
        if (m == null) {
            return null;
        }
        String c = m.attr("content").trim();
        return c.isEmpty() ? null : c;
    }

    /** The notice heading: the ArticleTitle meta, the page's h2 heading, else the document title when it reads like one. */
    private static String title(Document doc) {
        String t = meta(doc, "ArticleTitle");
        if (t != null) {
            return Text.squash(t);
        }
        Element h = doc.selectFirst(".vF_detail_header h2, .vF_detail_header h1, h2.tc, h1");
        if (h != null && !h.text().isBlank() && NOTICE_WORDS.matcher(h.text()).find()) {
            return Text.squash(h.text());
        }
        for (Element e : doc.select("title")) {
            String s = Text.squash(e.text());
            if (!s.isEmpty() && NOTICE_WORDS.matcher(s).find() && !s.endsWith("页面")) {
                return s;
            }
        }
        return null;
    }

    /** The address the page was saved from, as browsers and trimming tools note it in comments, or its canonical link. */
    private static String pageUrl(Document doc) {
        Element canonical = doc.selectFirst("link[rel=canonical], meta[property=og:url]");
        if (canonical != null) {
            String u = canonical.hasAttr("href") ? canonical.attr("href") : canonical.attr("content");
            if (u.startsWith("http")) {
                return u;
            }
        }
        List<String> candidates = new ArrayList<>();
        collectComments(doc, candidates);
        for (String c : candidates) {
            Matcher m = SAVED_FROM.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        for (String c : candidates) {
            Matcher m = ANY_URL.matcher(c);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static void collectComments(Node node, List<String> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof Comment c) {
                out.add(c.getData());
            } else {
                collectComments(child, out);
            }
        }
    }

    /** Turns the DOM into lines and grids. */
    private static final class Blocks {
        final List<NoticeDocument.Block> out = new ArrayList<>();
        final StringBuilder all = new StringBuilder();
        private final StringBuilder line = new StringBuilder();

        void walk(Node node) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode t) {
                    line.append(t.getWholeText());
                } else if (child instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("table") && e.getElementsByTag("table").size() == 1) {
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
            Elements trs = table.select("tr");
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
