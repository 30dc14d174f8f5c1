package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.money.AmountParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Notices kept as plain text (what crawlers store: a title, the body text, a time and a URL) → OCDS
 * 1.1 releases, with the same field-extraction layer as the page parser; tables flattened into lines are read as
 * tables ({@link FlattenedTables}). Pure and thread-safe.
 */
public final class PlainTextNoticeParser {
    private static final Pattern HEADING = Pattern.compile("公告|公示|结果|通知|预告|意向");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n|\\r");
    private final AmountParser amounts;

    public PlainTextNoticeParser() {
        this(new AmountParser());
    }

    public PlainTextNoticeParser(AmountParser amounts) {
        this.amounts = amounts;
    }

    /** A text file's bytes (any encoding): the first line is the title when it reads like one. */
    public ObjectNode parse(byte[] bytes, NoticeOrigin origin) throws NotANoticeException {
        NoticeOrigin o = origin.sha256() != null ? origin
                : new NoticeOrigin(origin.file(), origin.url(), origin.site(), origin.publishedHint(), Hashes.sha256(bytes));
        if (bytes.length == 0) {
            throw new NotANoticeException(o.name(), "the file is empty (0 bytes)");
        }
        return parse(null, NoticeDecoder.decode(bytes).text(), o);
    }

    /**
     * A notice's title (null when the text starts with it) and body text.
     */
    public ObjectNode parse(String title, String text, NoticeOrigin origin) throws NotANoticeException {
        return parse(title, text, origin, null, List.of());
    }

    /** With the channel words and metadata a crawler or aggregator stored beside the text. */
    ObjectNode parse(String title, String text, NoticeOrigin origin, String channel, List<NoticeFields.Field> metadata)
            throws NotANoticeException {
        Boilerplate.CleanDocument clean = Boilerplate.strip(read(title, text == null ? "" : text, origin, channel));
        return ReleaseBuilder.build(clean.doc(), origin, amounts, clean.removed(), metadata);
    }

    static NoticeDocument read(String title, String text, NoticeOrigin origin, String channel) {
        List<String> raw = new ArrayList<>(List.of(LINE_BREAK.split(text)));
        String heading = title == null ? null : Text.squash(title);
        if (heading == null) {
            // the first line is the title when it reads like one
            raw.removeIf(r -> Text.squash(r).isEmpty());
            if (!raw.isEmpty() && Text.squash(raw.get(0)).length() <= 120 && HEADING.matcher(raw.get(0)).find()) {
                heading = Text.squash(raw.remove(0));
            }
        }
        List<NoticeDocument.Block> blocks = FlattenedTables.read(raw);
        StringBuilder all = new StringBuilder();
        for (NoticeDocument.Block b : blocks) {
            if (b instanceof NoticeDocument.Line l) {
                all.append(l.text()).append('\n');
            } else if (b instanceof NoticeDocument.Grid g) {
                g.rows().forEach(r -> all.append(String.join(" | ", r)).append('\n'));
            }
        }
        return new NoticeDocument(heading, channel, origin.publishedHint(), origin.url(), origin.site(), List.copyOf(blocks),
                all.toString());
    }
}
