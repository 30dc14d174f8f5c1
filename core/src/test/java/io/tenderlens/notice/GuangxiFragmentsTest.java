package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ccgp-guangxi fragments (cn-notices group F): 联系方式 blocks with the fields run together, 项目基本情况
 * sections, and 废标/流标/终止 reasons per 标项/分标.
 */
class GuangxiFragmentsTest {
    private static final PlainTextNoticeParser TEXTS = new PlainTextNoticeParser();

    static List<String> lines(String file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(SharedData.path("cn-notices/text-snippets/guangxi/" + file))) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    static List<String[]> tsv(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = GuangxiFragmentsTest.class.getResourceAsStream(resource)) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l.split("\t"));
                }
            }
        }
        return out;
    }

    @Test
    void contactBlocksGiveBuyerAgencyAndTelephone() throws Exception {
        List<String> blocks = lines("YeMengLiChou__contract_info_test_cases.txt");
        blocks.remove(0); // the file's own heading line
        List<String[]> expected = tsv("guangxi/contacts-expected.tsv");
        assertThat(blocks).hasSize(expected.size());
        List<String> wrong = new ArrayList<>();
        for (String[] e : expected) {
            int line = Integer.parseInt(e[0]);
            JsonNode r = TEXTS.parse("联系方式", blocks.get(line - 1), NoticeOrigin.ofFile("contract_info#" + line, null));
            JsonNode agency = ExpectedRelease.party(r, "procuringEntity");
            String got = r.path("buyer").path("name").asText("-") + " | " + (agency == null ? "-" : agency.path("name").asText())
                    + " | " + ExpectedRelease.party(r, "buyer").path("contactPoint").path("telephone").asText("-");
            String want = e[1] + " | " + e[2] + " | " + e[3];
            if (!got.equals(want)) {
                wrong.add("line " + line + ": " + got + " ≠ " + want);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void failureStatementsSayWhichLotsFailedAndWhy() throws Exception {
        List<String> statements = lines("YeMengLiChou__not_win_bidding_cases.txt");
        List<String[]> expected = tsv("guangxi/not-win-expected.tsv");
        assertThat(statements).hasSize(expected.size());
        List<String> wrong = new ArrayList<>();
        for (String[] e : expected) {
            String text = statements.get(Integer.parseInt(e[0]) - 1);
            List<FailureReasons.Failure> read = FailureReasons.read(text);
            java.util.Set<String> lots = new java.util.LinkedHashSet<>();
            java.util.Set<String> outcomes = new java.util.TreeSet<>();
            java.util.Set<String> kinds = new java.util.TreeSet<>();
            for (FailureReasons.Failure f : read) {
                lots.addAll(f.lots());
                outcomes.add(f.outcome());
                kinds.add(f.kind().name());
            }
            String got = String.join(",", lots) + " | " + String.join(",", outcomes) + " | " + String.join(",", kinds);
            String want = e[1] + " | " + e[2] + " | " + e[3];
            if (!got.equals(want)) {
                wrong.add("line " + e[0] + ": " + got + " ≠ " + want + "  [" + text + "]");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The uploaders' own grouping of 废标 reasons (废标原因分类.md) against our kinds. Their groups are coarser in
     * places: "supplier problems" holds withdrawals and non-compliant bids alike, so either kind fits it.
     */
    @Test
    void reasonKindsAgreeWithTheUploadersGrouping() throws Exception {
        java.util.Map<String, java.util.Set<String>> groups = new java.util.LinkedHashMap<>();
        groups.put("评审无法进行", java.util.Set.of("EVALUATION_FAILED"));
        groups.put("未通过审查", java.util.Set.of("NOT_COMPLIANT"));
        groups.put("相关文件存在问题", java.util.Set.of("DOCUMENT_DEFECT"));
        groups.put("1. 未提交响应文件", java.util.Set.of("INSUFFICIENT_BIDDERS"));
        groups.put("2. 供应商不足", java.util.Set.of("INSUFFICIENT_BIDDERS"));
        groups.put("3. 供应商问题", java.util.Set.of("SUPPLIER_WITHDREW", "NOT_COMPLIANT"));
        groups.put("采购需求/计划变更/资格变更", java.util.Set.of("PLAN_CHANGED"));
        groups.put("项目变故", java.util.Set.of("PLAN_CHANGED"));
        groups.put("超预算", java.util.Set.of("OVER_BUDGET"));
        groups.put("投诉、监督检查处理", java.util.Set.of("COMPLAINT"));
        groups.put("出现违法等不公平行为", java.util.Set.of("IRREGULARITY"));
        groups.put("系统问题", java.util.Set.of("SYSTEM_FAILURE"));
        java.util.Set<String> current = null;
        int total = 0;
        List<String> wrong = new ArrayList<>();
        for (String line : lines("YeMengLiChou__废标原因分类.md")) {
            String l = line.trim();
            if (l.startsWith("#") || l.matches("\\d\\..*")) {
                String heading = l.replaceFirst("^#+\\s*", "").replace("：", "");
                // the uploaders' "其他" group has no kind: its reasons are not compared
                current = groups.entrySet().stream().filter(g -> heading.startsWith(g.getKey())).map(java.util.Map.Entry::getValue)
                        .findFirst().orElse(l.matches("\\d\\..*") ? current : null);
                continue;
            }
            if (!l.startsWith("- ") || current == null || l.length() < 4) {
                continue;
            }
            // the uploaders marked the decisive words with brackets: (不足三家)
            String reason = l.substring(2).replace("(", "").replace(")", "").replace("\"", "");
            total++;
            String kind = FailureReasons.kind(reason).name();
            if (!current.contains(kind)) {
                wrong.add(kind + " ∉ " + current + ": " + reason);
            }
        }
        assertThat(total).isGreaterThan(60);
        double agreement = 1 - (double) wrong.size() / total;
        System.out.printf("Guangxi reason kinds: %d of %d agree with the uploaders' grouping (%.1f%%)%n", total - wrong.size(),
                total, 100 * agreement);
        assertThat(agreement).as("disagreements: %s", wrong).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * 项目基本情况 sections (201 flattened lines: fields glued together, lots as 标项一标项名称:…). The expected code,
     * method, total budget and number of lots are taken from each line by patterns fitted to this one layout.
     */
    @Test
    void basicInformationSectionsGiveCodeMethodBudgetAndLots() throws Exception {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("项目编号：([A-Za-z0-9\\-_./\\[\\]−、]+(?:[（(【][^）)】：]{0,8}[）)】])?)");
        java.util.regex.Pattern method = java.util.regex.Pattern.compile("采购方式：☑?(公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)");
        java.util.regex.Pattern budget = java.util.regex.Pattern.compile("预算总金额（元）：([0-9.]+)");
        int lines = 0;
        int[] checked = new int[4];
        List<String> wrong = new ArrayList<>();
        for (String l : lines("YeMengLiChou__base_info_test_cases.txt")) {
            if (!l.startsWith("# ")) {
                continue;
            }
            lines++;
            String t = l.substring(2);
            JsonNode r = TEXTS.parse("项目基本情况", t, NoticeOrigin.ofFile("base_info#" + lines, null));
            JsonNode tender = r.path("tender");
            java.util.regex.Matcher m = code.matcher(t);
            if (m.find()) {
                checked[0]++;
                if (!m.group(1).equals(tender.path("id").asText())) {
                    wrong.add("code " + m.group(1) + " ≠ " + tender.path("id").asText());
                }
            }
            m = method.matcher(t);
            if (m.find()) {
                checked[1]++;
                if (!m.group(1).equals(tender.path("procurementMethodDetails").asText())) {
                    wrong.add("method " + m.group(1) + " ≠ " + tender.path("procurementMethodDetails").asText());
                }
            }
            m = budget.matcher(t);
            if (m.find() && new java.math.BigDecimal(m.group(1)).signum() > 0) {
                checked[2]++;
                JsonNode v = tender.path("value").path("amount");
                if (v.isMissingNode() || v.decimalValue().compareTo(new java.math.BigDecimal(m.group(1))) != 0) {
                    wrong.add("budget " + m.group(1) + " ≠ " + v);
                }
            }
            int lots = t.split("标项名称", -1).length - 1;
            if (lots >= 2) {
                checked[3]++;
                if (tender.path("lots").size() != lots) {
                    wrong.add("lots " + lots + " ≠ " + tender.path("lots"));
                }
            }
        }
        assertThat(lines).isEqualTo(201);
        assertThat(checked).as("code, method, budget, multi-lot lines checked").containsExactly(198, 177, 104, 15);
        assertThat(wrong).isEmpty();
    }
}
