package io.tenderlens.notice;

import java.util.List;

/**
 * A notice reduced to what every layout has: a heading, the channel it was filed under, its lines
 * of prose and its tables, in reading order. HTML pages and plain texts both become this, so the
 * fields are read by one extraction layer ({@link FieldExtractor}).
 *
 * @param title     the notice heading (公告标题), or null
 * @param channel   the breadcrumb or channel words (政采公告 » 地方公告 » 中标公告), or null
 * @param published the publication time as printed, or null
 * @param url       where the notice was published, or null
 * @param site      the publishing site (domain or name), or null
 * @param blocks    prose lines and tables in reading order
 * @param text      all text of the notice, for checks that look at the whole (boilerplate, not-a-notice)
 */
public record NoticeDocument(String title, String channel, String published, String url, String site,
                             List<Block> blocks, String text) {

    /** A piece of the notice in reading order. */
    public sealed interface Block permits Line, Grid {}

    /** One line of prose (a paragraph, a table cell of a layout table, a line of a text file). */
    public record Line(String text) implements Block {}

    /** A data table: rows of cell texts as printed (header rows included). */
    public record Grid(List<List<String>> rows) implements Block {}
}
