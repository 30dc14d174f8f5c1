package io.tenderlens.report;

import io.tenderlens.report.ReportTable.Cell;
import io.tenderlens.report.ReportTable.Link;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report's tables as one .xlsx workbook (a sheet per table) and one .csv file per table. */
public final class TableFiles {
    /** Excel's limit on a cell's text. */
    private static final int CELL_MAX = 32_767;
    private static final String TRUNCATED = " … (the whole list is in the .csv file)";

    private TableFiles() {}

    /** Writes {@code <id>.csv} in UTF-8 with a byte-order mark (so Excel reads the Chinese), one per table; returns the files. */
    public static List<Path> writeCsv(Path dir, List<ReportTable> tables) throws IOException {
        List<Path> files = new ArrayList<>();
        for (ReportTable t : tables) {
            Path file = dir.resolve(t.id() + ".csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
                    csv.printRecord(t.columns().stream().map(c -> heading(c)).toList());
                    for (List<Cell> row : t.rows()) {
                        csv.printRecord(row.stream().map(TableFiles::plain).toList());
                    }
                }
            }
            files.add(file);
        }
        return files;
    }

    /** Writes all tables to one workbook, streaming rows (SXSSF) so large tables stay within memory. */
    public static void writeXlsx(Path file, List<ReportTable> tables) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            DataFormat formats = wb.createDataFormat();
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle amount = wb.createCellStyle();
            amount.setDataFormat(formats.getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.00%"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(formats.getFormat("0.0"));
            for (ReportTable t : tables) {
                SXSSFSheet sheet = wb.createSheet(t.id());
                SXSSFRow head = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    var cell = head.createCell(c);
                    cell.setCellValue(heading(t.columns().get(c)));
                    cell.setCellStyle(header);
                }
                sheet.createFreezePane(0, 1);
                for (int r = 0; r < t.rows().size(); r++) {
                    SXSSFRow row = sheet.createRow(r + 1);
                    List<Cell> cells = t.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        var cell = row.createCell(c);
                        Cell v = cells.get(c);
                        if (v instanceof ReportTable.Num n && n.value() != null) {
                            // Excel stores numbers as binary doubles: the exact decimals are in the .csv files
                            cell.setCellValue(n.value().doubleValue());
                            switch (n.format()) {
                                case AMOUNT -> cell.setCellStyle(amount);
                                case PERCENT -> cell.setCellStyle(percent);
                                case DECIMAL -> cell.setCellStyle(decimal);
                                case COUNT -> { }
                            }
                        } else {
                            cell.setCellValue(plain(v, CELL_MAX - TRUNCATED.length(), TRUNCATED));
                        }
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static String heading(ReportTable.Column c) {
        return c.zh().isEmpty() ? c.en() : c.zh() + " " + c.en();
    }

    /** A cell as plain text: exact amounts, percentages (× 100) and other decimals to 4 places, links as "text <url>". */
    static String plain(Cell c) {
        if (c instanceof ReportTable.Text t) {
            return t.value();
        }
        if (c instanceof ReportTable.Num n) {
            BigDecimal v = n.value();
            if (v == null) {
                return "";
            }
            return switch (n.format()) {
                case PERCENT -> v.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
                case DECIMAL -> v.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
                default -> v.stripTrailingZeros().toPlainString();
            };
        }
        return plain(c, Integer.MAX_VALUE, "");
    }

    /** The plain text of a cell, cut to {@code max} characters (then ending with {@code cut}), without building more. */
    private static String plain(Cell c, int max, String cut) {
        if (!(c instanceof ReportTable.Links l)) {
            String s = plain(c);
            return s.length() > max ? s.substring(0, max) + cut : s;
        }
        StringBuilder b = new StringBuilder();
        for (Link link : l.links()) {
            String s = plain(link);
            if (b.length() + 1 + s.length() > max) {
                return b + cut;
            }
            b.append(b.length() == 0 ? "" : " ").append(s);
        }
        return b.toString();
    }

    private static String plain(Link l) {
        return l.href().isEmpty() || l.href().startsWith("#") ? l.text() : l.text() + " <" + l.href() + ">";
    }
}
