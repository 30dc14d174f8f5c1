package io.tenderlens.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.tenderlens.report.Html.escape;
import static io.tenderlens.report.Html.safeHref;

/**
 * Charts as inline SVG: no script, no external file, readable offline and in print. Every bar links
 * to the table row that lists the projects behind it.
 */
public final class SvgCharts {
    static final String FONT = "'WenQuanYi Micro Hei','Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
    private static final String[] COLORS = {"#2f6db5", "#e08a2c", "#3a9a5b", "#b8473f", "#7b5ea7", "#8c6d3f"};
    private static final int LABEL_MAX = 30;

    private SvgCharts() {}

    /** One bar: a label in both languages, its value, the value as shown, and where it links. */
    public record Bar(String zh, String en, BigDecimal value, String shown, String href, String tooltip) {}

    /** A series of a grouped column chart. */
    public record Series(String zh, String en, List<BigDecimal> values) {}

    /** Horizontal bars, longest first as given. */
    public static String bars(String id, String titleZh, String titleEn, List<Bar> bars) {
        int labelWidth = 330;
        int barArea = 300;
        int rowHeight = 26;
        int top = 34;
        int height = top + Math.max(1, bars.size()) * rowHeight + 10;
        int width = labelWidth + barArea + 110;
        BigDecimal max = bars.stream().map(Bar::value).filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        StringBuilder s = open(id, width, height, titleZh, titleEn);
        if (bars.isEmpty()) {
            s.append(text(labelWidth, top + 16, "start", "chart-empty", "无数据 no data"));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * rowHeight;
            int w = b.value() == null ? 0 : b.value().multiply(BigDecimal.valueOf(barArea)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            String label = shorten(b.zh() + (b.en().isBlank() || b.en().equals(b.zh()) ? "" : " " + b.en()));
            s.append("<g class=\"bar\">");
            s.append(text(labelWidth - 8, y + 17, "end", "bar-label", label));
            s.append("<a href=\"").append(safeHref(b.href())).append("\">");
            s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"").append(rowHeight - 8).append("\" fill=\"").append(COLORS[0]).append("\">")
                    .append("<title>").append(escape(b.tooltip())).append("</title></rect></a>");
            s.append(text(labelWidth + Math.max(w, 1) + 6, y + 17, "start", "bar-value", b.shown()));
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** Grouped columns: one group per category (years), one column per series, with a legend. */
    public static String columns(String id, String titleZh, String titleEn, List<String> categories, List<Series> series,
                                 String unitZh, String unitEn, List<String> hrefs) {
        int left = 80;
        int top = 32 + 18 * Math.max(1, series.size()) + 10;
        int plotHeight = 240;
        int groupWidth = Math.max(60, 24 * series.size() + 24);
        int width = Math.max(560, left + groupWidth * Math.max(1, categories.size()) + 240);
        int height = top + plotHeight + 50;
        BigDecimal max = series.stream().flatMap(x -> x.values().stream()).filter(v -> v != null)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        StringBuilder s = open(id, width, height, titleZh + "（" + unitZh + "）", titleEn + " (" + unitEn + ")");
        for (int k = 0; k < series.size(); k++) {
            int ly = 32 + k * 18;
            s.append("<rect x=\"").append(width - 220).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLORS[k % COLORS.length]).append("\"/>");
            s.append(text(width - 204, ly + 11, "start", "legend", series.get(k).zh() + " " + series.get(k).en()));
        }
        for (int t = 0; t <= 4; t++) {
            int y = top + plotHeight - t * plotHeight / 4;
            BigDecimal v = max.multiply(BigDecimal.valueOf(t)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            s.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 230).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#ddd\"/>");
            s.append(text(left - 6, y + 4, "end", "axis", ReportFormat.tenThousands(v)));
        }
        int columnWidth = (groupWidth - 16) / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            int gx = left + c * groupWidth + 8;
            s.append("<a href=\"").append(safeHref(c < hrefs.size() ? hrefs.get(c) : "")).append("\">");
            for (int k = 0; k < series.size(); k++) {
                BigDecimal v = series.get(k).values().get(c);
                int h = v == null ? 0 : v.multiply(BigDecimal.valueOf(plotHeight)).divide(max, 0, RoundingMode.HALF_UP).intValue();
                s.append("<rect x=\"").append(gx + k * columnWidth).append("\" y=\"").append(top + plotHeight - h).append("\" width=\"")
                        .append(columnWidth - 2).append("\" height=\"").append(h).append("\" fill=\"").append(COLORS[k % COLORS.length])
                        .append("\"><title>").append(escape(categories.get(c) + " " + series.get(k).zh() + " " + series.get(k).en() + ": "
                                + (v == null ? "—" : ReportFormat.amount(v)))).append("</title></rect>");
            }
            s.append("</a>");
            s.append(text(gx + (groupWidth - 16) / 2, top + plotHeight + 18, "middle", "axis-label", categories.get(c)));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int width, int height, String titleZh, String titleEn) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(escape(id)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(titleZh + " " + titleEn)).append("\" font-family=\"")
                .append(FONT).append("\" font-size=\"13\">");
        s.append(text(8, 20, "start", "chart-title", titleZh + " · " + titleEn));
        return s;
    }

    private static String text(int x, int y, String anchor, String cls, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">" + escape(content) + "</text>";
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= LABEL_MAX ? label
                : label.substring(0, label.offsetByCodePoints(0, LABEL_MAX - 1)) + "…";
    }
}
