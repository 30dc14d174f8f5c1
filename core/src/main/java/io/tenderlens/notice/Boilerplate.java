package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a platform prints on every notice that say nothing about the procurement. They are cut out
 * before fields are read and kept in {@code noticeSource.boilerplate}, so that, for example, the
 * Heilongjiang platform's evidence stamp {@code 区块链已存证 存证时间：… 存证哈希值：… 区块高度：…} never makes
 * a hospital's tender look like a blockchain purchase.
 */
final class Boilerplate {
    /** One stamp: a name for the record and its pattern. */
    private record Stamp(String name, Pattern pattern) {}

    private static final List<Stamp> STAMPS = List.of(
            new Stamp("blockchainEvidenceStamp", Pattern.compile(
                    "区块链已存证\\s*(?:存证时间\\s*[：:]\\s*[0-9\\-/: 年月日时分秒]*)?\\s*(?:存证哈希值\\s*[：:]\\s*[0-9A-Za-z]*)?"
                            + "\\s*(?:区块高度\\s*[：:]\\s*[0-9]*)?")));

    private Boilerplate() {}

    /** Text with the stamps cut out, and what was cut. */
    record Cleaned(String text, List<String> removed) {}

    static Cleaned strip(String text) {
        if (text == null || text.indexOf("存证") < 0) {
            return new Cleaned(text, List.of());
        }
        List<String> removed = new ArrayList<>();
        String out = text;
        for (Stamp s : STAMPS) {
            Matcher m = s.pattern.matcher(out);
            StringBuilder sb = new StringBuilder();
            int last = 0;
            while (m.find()) {
                removed.add(Text.squash(m.group()));
                sb.append(out, last, m.start()).append(' ');
                last = m.end();
            }
            sb.append(out, last, out.length());
            out = sb.toString();
        }
        return new Cleaned(out, removed);
    }

    /** The document with the stamps cut from its heading, lines and cells, and the stamps that were cut. */
    record CleanDocument(NoticeDocument doc, List<String> removed) {}

    static CleanDocument strip(NoticeDocument doc) {
        if (doc.text() == null || doc.text().indexOf("存证") < 0) {
            return new CleanDocument(doc, List.of());
        }
        List<String> removed = new ArrayList<>();
        UnaryOperator<String> clean = s -> {
            if (s == null) {
                return null;
            }
            Cleaned c = strip(s);
            removed.addAll(c.removed());
            return Text.squash(c.text());
        };
        List<NoticeDocument.Block> blocks = new ArrayList<>();
        for (NoticeDocument.Block b : doc.blocks()) {
            if (b instanceof NoticeDocument.Line l) {
                String t = clean.apply(l.text());
                if (!t.isEmpty()) {
                    blocks.add(new NoticeDocument.Line(t));
                }
            } else if (b instanceof NoticeDocument.Grid g) {
                blocks.add(new NoticeDocument.Grid(g.rows().stream()
                        .map(r -> r.stream().map(clean).toList()).toList()));
            }
        }
        String title = clean.apply(doc.title());
        String text = strip(doc.text()).text();
        List<String> distinct = removed.stream().distinct().toList();
        return new CleanDocument(new NoticeDocument(title, doc.channel(), doc.published(), doc.url(), doc.site(),
                List.copyOf(blocks), text), distinct);
    }
}
