package io.tenderlens.alert;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Atom feed (RFC 4287) of a saved search: one entry per tender announced to it, newest first.
 * Entry ids are name-based UUIDs of (search id, ocid), so an entry keeps its id however often the feed
 * is written. Each entry links to the project page on the server ({@code /project/{ocid}}, the server's project page) and to the
 * notice's own page; its summary says why the tender matched, in Chinese and English. All text is
 * escaped, and characters XML cannot carry (control characters) are dropped.
 */
public final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {}

    /** A tender announced to a search, and when. */
    public record Entry(AlertMatch match, Instant announcedAt) {}

    /**
     * The feed's XML.
     *
     * @param baseUrl the server's address ({@code http://127.0.0.1:7070}): links are absolute
     * @param created when the search was saved (the feed's date while it has no entries)
     */
    public static String write(SavedSearch search, List<Entry> entries, String baseUrl, Instant created) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        List<Entry> sorted = entries.stream()
                .sorted(Comparator.comparing(Entry::announcedAt).reversed()
                        .thenComparing(e -> e.match().published(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(e -> e.match().ocid())).toList();
        Instant updated = sorted.isEmpty() ? created : sorted.get(0).announcedAt();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:uuid:" + uuid("feed", search.id()));
            text(x, "title", "tenderlens 订阅 Alert: " + search.name());
            text(x, "subtitle", describe(search));
            text(x, "updated", timestamp(updated));
            link(x, "self", base + "/alerts/" + search.id() + "/feed.atom", "application/atom+xml");
            link(x, "alternate", base + "/", "text/html");
            x.writeStartElement("author");
            text(x, "name", "tenderlens");
            x.writeEndElement();
            x.writeStartElement("generator");
            x.writeCharacters("tenderlens");
            x.writeEndElement();
            for (Entry e : sorted) {
                x.writeCharacters("\n");
                entry(x, search, e, base);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + search.id() + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, SavedSearch search, Entry e, String base) throws XMLStreamException {
        AlertMatch m = e.match();
        x.writeStartElement("entry");
        text(x, "id", "urn:uuid:" + uuid(search.id(), m.ocid()));
        text(x, "title", m.title() == null || m.title().isBlank() ? m.ocid() : m.title());
        text(x, "updated", timestamp(e.announcedAt()));
        link(x, "alternate", base + "/project/" + URLEncoder.encode(m.ocid(), StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/"), "text/html");
        if (isWebAddress(m.sourceUrl())) {
            link(x, "related", m.sourceUrl(), "text/html");
        }
        if (m.buyer() != null && !m.buyer().isBlank()) {
            x.writeStartElement("author");
            text(x, "name", m.buyer());
            x.writeEndElement();
        }
        x.writeStartElement("category");
        x.writeAttribute("term", search.id());
        x.writeAttribute("label", clean(search.name()));
        x.writeEndElement();
        text(x, "summary", summary(m));
        x.writeEndElement();
    }

    /** What a reader sees of an entry: the record's key facts and the reasons, Chinese line then English line. */
    static String summary(AlertMatch m) {
        StringBuilder s = new StringBuilder();
        s.append("采购人 Buyer: ").append(m.buyer()).append('\n');
        if (m.published() != null) {
            s.append("发布 Published: ").append(m.published()).append('\n');
        }
        s.append("截止 Deadline: ").append(m.deadline() == null ? "未载明 not stated" : m.deadline().toString()).append('\n');
        s.append("匹配原因: ").append(m.summaryZh()).append('\n');
        s.append("Why it matched: ").append(m.summaryEn()).append('\n');
        s.append("OCID: ").append(m.ocid());
        return s.toString();
    }

    private static String describe(SavedSearch s) {
        StringBuilder d = new StringBuilder("新招标公告 New tenders");
        if (s.query() != null) {
            d.append(" · 检索式 query: ").append(s.query());
        }
        if (s.topic() != null) {
            d.append(" · 主题 topic: ").append(s.topic());
        }
        return d.toString();
    }

    /** Only http(s) links are written: a notice's URL is data from outside and could be {@code javascript:}. */
    static boolean isWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeStartElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", clean(href.strip()));
        x.writeEndElement();
    }

    /** Drops what XML 1.0 cannot carry: control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
            if (allowed) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static UUID uuid(String a, String b) {
        return UUID.nameUUIDFromBytes(("tenderlens alert\u0000" + a + "\u0000" + b).getBytes(StandardCharsets.UTF_8));
    }
}
