package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables that crawlers kept as text, one row a line: cells between {@code |} (包号 | 供应商名称 | 中标金额), between tabs
 * or runs of spaces, or between single spaces when a header line set the number of columns. They become
 * {@link NoticeDocument.Grid}s again, so that lots, suppliers and amounts are read from them as from a page's tables.
 *
 * <ul>
 *   <li>A run of lines with {@code |} is one table (label | value rows and header-led tables alike); one such line
 *       alone is a table only when it holds label | value pairs.</li>
 *   <li>Otherwise a table starts at a header line — short cells without colons or long numbers, two of them
 *       column words ({@link FieldExtractor#looksLikeHeader}) — and goes on while lines split into as many cells.</li>
 *   <li>Anything else stays a line of prose.</li>
 * </ul>
 */
final class FlattenedTables {
    private static final Pattern PIPE = Pattern.compile("\\s*[|｜]\\s*");
    private static final Pattern TAB = Pattern.compile("\\s*\\t\\s*");
    private static final Pattern WIDE_SPACE = Pattern.compile("(?:[ \\u00A0]{2,}|\\u3000+)");
    private static final Pattern SPACE = Pattern.compile("[ \\u00A0\\u3000]+");

    private FlattenedTables() {}

    /** The lines of a text (raw, spaces as written) as prose lines and tables, in order; blank lines dropped. */
    static List<NoticeDocument.Block> read(List<String> raw) {
        List<String> lines = new ArrayList<>();
        for (String r : raw) {
            if (!Text.squash(r).isEmpty()) {
                lines.add(r.strip());
            }
        }
        List<NoticeDocument.Block> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            List<List<String>> rows = new ArrayList<>();
            int j = i;
            while (j < lines.size() && hasPipe(lines.get(j))) {
                rows.add(split(PIPE, lines.get(j)));
                j++;
            }
            if (rows.isEmpty()) {
                List<String> header = headerCells(lines.get(i));
                if (header != null) {
                    rows.add(header);
                    for (j = i + 1; j < lines.size(); j++) {
                        List<String> row = rowCells(lines.get(j), header.size());
                        if (row == null) {
                            break;
                        }
                        rows.add(row);
                    }
                }
            }
            // one line alone is a table only as label | value pairs (采购单位 | X | 行政区域 | Y)
            if (rows.size() >= 2 || (rows.size() == 1 && rows.get(0).size() >= 2 && rows.get(0).size() % 2 == 0)) {
                out.add(new NoticeDocument.Grid(List.copyOf(rows)));
                i = i + rows.size();
            } else {
                out.add(new NoticeDocument.Line(Text.squash(hasPipe(lines.get(i)) ? String.join(" ", split(PIPE, lines.get(i)))
                        : lines.get(i))));
                i++;
            }
        }
        return out;
    }

    private static boolean hasPipe(String line) {
        return line.indexOf('|') >= 0 || line.indexOf('｜') >= 0;
    }

    /** The cells of a header line, split by tabs, runs of spaces or single spaces; null when the line is no header. */
    private static List<String> headerCells(String line) {
        for (Pattern p : List.of(TAB, WIDE_SPACE, SPACE)) {
            List<String> cells = split(p, line);
            if (cells.size() >= 2 && cells.stream().noneMatch(c -> c.contains("：") || c.contains(":"))
                    && FieldExtractor.looksLikeHeader(cells)) {
                return cells;
            }
        }
        return null;
    }

    /** A data row of {@code columns} cells, split the way that gives that many; null when no way does. */
    private static List<String> rowCells(String line, int columns) {
        for (Pattern p : List.of(TAB, WIDE_SPACE, SPACE)) {
            List<String> cells = split(p, line);
            if (cells.size() == columns) {
                return cells;
            }
        }
        return null;
    }

    private static List<String> split(Pattern separator, String line) {
        List<String> cells = new ArrayList<>();
        for (String c : separator.split(line.strip(), -1)) {
            cells.add(Text.squash(c));
        }
        // | a | b |: the outer bars make no cells
        if (!cells.isEmpty() && cells.get(0).isEmpty()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
