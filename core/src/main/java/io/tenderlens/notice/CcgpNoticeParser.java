package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.money.AmountParser;

/**
 * Saved notice pages of ccgp.gov.cn and the provincial government-procurement sites → OCDS 1.1
 * releases, one per page. Works on bytes (any encoding, see {@link NoticeDecoder}) or decoded HTML.
 * Pure and thread-safe.
 */
public final class CcgpNoticeParser {
    private final AmountParser amounts;

    public CcgpNoticeParser() {
        this(new AmountParser());
    }

    public CcgpNoticeParser(AmountParser amounts) {
        this.amounts = amounts;
    }

    /** A saved page as bytes; {@code origin.sha256} is filled in from the bytes when absent. */
    public ObjectNode parse(byte[] page, NoticeOrigin origin) throws NotANoticeException {
        NoticeOrigin o = origin.sha256() != null ? origin
                : new NoticeOrigin(origin.file(), origin.url(), origin.site(), origin.publishedHint(), Hashes.sha256(page));
        if (page.length == 0) {
            throw new NotANoticeException(o.name(), "the file is empty (0 bytes)");
        }
        return parse(NoticeDecoder.decode(page).text(), o);
    }

    /** A page already decoded to text. */
    public ObjectNode parse(String html, NoticeOrigin origin) throws NotANoticeException {
        Boilerplate.CleanDocument clean = Boilerplate.strip(HtmlNoticeReader.read(html));
        return ReleaseBuilder.build(clean.doc(), origin, amounts, clean.removed());
    }
}
