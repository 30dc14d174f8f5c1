package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.money.AmountParser;
import io.tenderlens.money.AmountUnit;
import io.tenderlens.money.AmountUnits;
import io.tenderlens.money.Money;
import io.tenderlens.money.UnitCheck;
import io.tenderlens.notice.NoticeFields.Field;
import io.tenderlens.notice.NoticeFields.Statement;
import io.tenderlens.notice.NoticeFields.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Awards per lot, failed lots and the lots themselves. Winners come only from the award part of a
 * notice (中标信息, 采购结果, a 供应商名称/中标金额 passage); bidder lists, review prices (评审报价) and
 * rankings are bids, never awards. A winner's amount missing from the award table is looked up in
 * the item table (the Hebei template), else taken from the summary total when there is one winner.
 * A total of zero is never an award.
 */
final class AwardReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SUPPLIER_COLUMN = Pattern.compile("供应商名称|中标供应商|成交供应商|中标人|成交人|中标单位|成交单位|供应商$|^供应商");
    private static final Pattern NOT_NAME_COLUMN = Pattern.compile("地址|代码|编码|电话|得分|排名|资格|原因");
    private static final Pattern AMOUNT_COLUMN = Pattern.compile("金额|价格|中标价|成交价|总价|报价");
    private static final Pattern NOT_AMOUNT_COLUMN = Pattern.compile("单价|得分|费率|优惠率|下浮|系数|折扣|比例|%|代理");
    private static final Pattern ITEM_AWARD_COLUMN = Pattern.compile("中标金额|成交金额|中标（成交）金额|中标\\(成交\\)金额|中标价|成交价");
    private static final Pattern LOT_COLUMN = Pattern.compile("包组|包号|标项号|合同包|标段|分标|标包|^包$");
    private static final Pattern REASON_COLUMN = Pattern.compile("理由|原因|情形");
    private static final Set<Section> NO_AWARDS_IN = EnumSet.of(Section.BIDS, Section.ITEMS, Section.EXPERTS, Section.FEES,
            Section.BUYER_INFO, Section.AGENCY_INFO, Section.CONTACT_INFO, Section.OTHER, Section.FAILURE, Section.AMENDMENT);

    /** What was read: awards and lots as OCDS, failed lots with their reasons, and the whole notice's failure reason. */
    record Result(ArrayNode awards, ArrayNode lots, Map<String, String> failedLots, String reason) {}

    /** A winner as read, before it becomes an award. */
    private static final class Candidate {
        String lot;
        String supplier;
        String address;
        String amountText;
        String amountHeader;
        String span;
        String rule;
        Money money;
        String moneySpan;
        String moneyRule;
    }

    private final NoticeFields fields;
    private final NoticeDocument doc;
    private final AmountParser amounts;
    private static final Pattern SHORT_LOT_TOKEN = Pattern.compile("\\s*[0-9A-Z]{1,3}\\s*");
    private static final Pattern SHORT_LOT_TOKEN_ANY_CASE = Pattern.compile("\\s*[0-9A-Za-z]{1,3}\\s*");
    private final Provenance provenance;
    private final BiFunction<String, String, ObjectNode> supplierParty;

    AwardReader(NoticeFields fields, NoticeDocument doc, AmountParser amounts, Provenance provenance,
                BiFunction<String, String, ObjectNode> supplierParty) {
        this.fields = fields;
        this.doc = doc;
        this.amounts = amounts;
        this.provenance = provenance;
        this.supplierParty = supplierParty;
    }

    Result read(NoticeType type) {
        Map<String, String> failed = failedLots();
        String wholeReason = wholeReason();
        List<Candidate> winners = new ArrayList<>();
        if (type == NoticeType.AWARD || type == NoticeType.AWARD_AMENDMENT || type == NoticeType.CONTRACT
                || type == NoticeType.UNSUCCESSFUL) {
            winners.addAll(fromTables());
            if (winners.isEmpty()) {
                winners.addAll(fromProse(false));
            }
            if (winners.isEmpty()) {
                winners.addAll(fromProse(true));
            }
        }
        List<String> titleLots = doc.title() == null ? List.of() : LotIds.all(doc.title());
        if (titleLots.size() == 1) {
            winners.stream().filter(c -> c.lot == null).forEach(c -> c.lot = titleLots.get(0));
        }
        winners.removeIf(c -> c.lot != null && failed.containsKey(c.lot) && c.amountText == null);
        amountsFor(winners);
        ArrayNode awards = awards(winners);
        ArrayNode lots = lots(winners, failed, titleLots, type);
        return new Result(awards, lots, failed, wholeReason);
    }

    // ------------------------------------------------------------------ failures

    private Map<String, String> failedLots() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Statement s : fields.statements()) {
            if (s.section() != Section.FAILURE && !(s.lot() != null && ReleaseBuilder.saysFailed(s.text()))) {
                continue;
            }
            if (s.lot() != null) {
                out.putIfAbsent(s.lot(), reasonOf(s.text()));
            } else {
                FailureReasons.byLot(s.text()).forEach(out::putIfAbsent);
            }
        }
        for (Field f : fields.all(FieldKey.RESULT)) {
            if (f.lot() != null && ReleaseBuilder.saysFailed(f.value())) {
                out.putIfAbsent(f.lot(), f.value());
            }
        }
        for (Table t : fields.tables()) {
            if (t.section() != Section.FAILURE) {
                continue;
            }
            int reason = t.column(h -> REASON_COLUMN.matcher(h).find());
            int lot = t.column(h -> LOT_COLUMN.matcher(h).find() || h.contains("标项") || h.contains("序号"));
            for (List<String> row : t.rows()) {
                String r = Table.cell(row, reason);
                String l = LotIds.first(Table.cell(row, lot));
                if (l == null && SHORT_LOT_TOKEN.matcher(Table.cell(row, lot)).matches()) {
                    l = LotIds.normalise(Table.cell(row, lot));
                }
                if (!r.isEmpty() && l != null) {
                    out.putIfAbsent(l, r);
                }
            }
        }
        for (Map.Entry<String, String> e : out.entrySet()) {
            provenance.add("tender/lots[id=" + e.getKey() + "]/status", e.getValue(), "lot.failed");
        }
        return out;
    }

    /** "第14包：通过符合性审查的投标人不足3家，本包废标。" → the words after the lot. */
    private static String reasonOf(String statement) {
        String s = Text.squash(statement);
        int colon = Math.max(s.indexOf('：'), s.indexOf(':'));
        return colon >= 0 && colon < 12 ? Text.trimValue(s.substring(colon + 1)) : Text.trimValue(s);
    }

    /** The reason stated for the notice as a whole (终止原因 without lots, 废标原因 of a single-lot notice). */
    private String wholeReason() {
        List<String> parts = new ArrayList<>();
        for (Statement s : fields.statements()) {
            if (s.section() == Section.FAILURE && !s.text().isBlank()) {
                parts.add(s.text());
            }
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    // ------------------------------------------------------------------ winners

    private List<Candidate> fromTables() {
        List<Candidate> out = new ArrayList<>();
        for (Table t : fields.tables()) {
            if (t.section() != Section.AWARD) {
                continue;
            }
            int name = t.column(h -> SUPPLIER_COLUMN.matcher(h).find() && !NOT_NAME_COLUMN.matcher(h).find());
            if (name < 0) {
                continue;
            }
            int address = t.column(h -> h.contains("地址"));
            int amount = t.column(h -> AMOUNT_COLUMN.matcher(h).find() && !NOT_AMOUNT_COLUMN.matcher(h).find());
            int lot = t.column(h -> LOT_COLUMN.matcher(h).find());
            for (List<String> row : t.rows()) {
                String supplier = Names.clean(Table.cell(row, name));
                if (supplier == null || supplier.length() < 2) {
                    continue;
                }
                Candidate c = new Candidate();
                c.supplier = supplier;
                c.address = blankToNull(Table.cell(row, address));
                c.lot = lot >= 0 ? lotOf(Table.cell(row, lot)) : t.lot();
                if (c.lot == null) {
                    c.lot = t.lot();
                }
                if (amount >= 0 && !Table.cell(row, amount).isBlank()) {
                    c.amountText = Table.cell(row, amount);
                    c.amountHeader = t.header().get(amount);
                }
                c.span = String.join(" | ", t.header()) + " / " + String.join(" | ", row);
                c.rule = "award.table";
                out.add(c);
            }
        }
        return out;
    }

    /** Winners named in {@code 供应商名称：… 中标金额：…} passages, or (when {@code metadata}) in stored metadata. */
    private List<Candidate> fromProse(boolean metadata) {
        List<Candidate> out = new ArrayList<>();
        Candidate current = null;
        Field pendingAmount = null;
        for (Field f : fields.fields()) {
            if (NO_AWARDS_IN.contains(f.section()) || (f.source() == NoticeFields.Source.METADATA) != metadata) {
                continue;
            }
            switch (f.key()) {
                case SUPPLIER -> {
                    String name = Names.clean(f.value());
                    if (name == null || !Names.looksLikeOrganisation(name)) {
                        continue; // 供应商名称 over a column of item names, "/其他类型": not a winner
                    }
                    current = new Candidate();
                    current.supplier = name;
                    current.lot = f.lot();
                    current.span = f.span();
                    current.rule = metadata ? "award.metadata" : "award.prose";
                    if (pendingAmount != null && java.util.Objects.equals(pendingAmount.lot(), f.lot())) {
                        current.amountText = pendingAmount.value();
                        current.amountHeader = pendingAmount.label();
                        current.moneySpan = pendingAmount.span();
                    }
                    pendingAmount = null;
                    out.add(current);
                }
                case SUPPLIER_ADDRESS -> {
                    if (current != null && current.address == null && java.util.Objects.equals(current.lot, f.lot())) {
                        current.address = f.value();
                    }
                }
                case AWARD_AMOUNT, CONTRACT_AMOUNT -> {
                    if (current != null && current.amountText == null && java.util.Objects.equals(current.lot, f.lot())) {
                        current.amountText = f.value();
                        current.amountHeader = f.label();
                        current.moneySpan = f.span();
                    } else if (current == null || !java.util.Objects.equals(current.lot, f.lot())) {
                        pendingAmount = f;
                    }
                }
                case LOT -> current = null;
                default -> { }
            }
        }
        return out;
    }

    private static String lotOf(String cell) {
        String l = LotIds.first(cell);
        if (l == null && SHORT_LOT_TOKEN_ANY_CASE.matcher(cell).matches()) {
            l = LotIds.normalise(cell);
        }
        return l;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ------------------------------------------------------------------ amounts

    private void amountsFor(List<Candidate> winners) {
        Money total = fields.first(FieldKey.TOTAL_AWARD)
                .flatMap(f -> ReleaseBuilder.money(amounts, f.value(), f.label())).orElse(null);
        Map<String, AmountUnit> units = columnUnits(winners, total);
        for (Candidate c : winners) {
            if (c.amountText == null) {
                continue;
            }
            AmountUnit unit = c.amountHeader == null ? null : units.get(c.amountHeader);
            Optional<Money> m = unit != null ? amounts.parse(c.amountText, unit).filter(Money::isTotal)
                    : ReleaseBuilder.money(amounts, c.amountText, c.amountHeader);
            if (m.isPresent() && !m.get().isZero()) {
                c.money = m.get();
                c.moneySpan = c.moneySpan != null ? c.moneySpan : c.span;
                c.moneyRule = c.rule + ".amount";
            }
        }
        for (Candidate c : winners) {
            if (c.money == null) {
                fromItemTable(c);
            }
        }
        List<Candidate> without = winners.stream().filter(c -> c.money == null).toList();
        if (without.size() == 1 && winners.size() == 1 && total != null && !total.isZero()) {
            Candidate c = without.get(0);
            c.money = total;
            c.moneySpan = fields.first(FieldKey.TOTAL_AWARD).get().span();
            c.moneyRule = "award.summaryTotal";
        }
        if (total != null && !total.isZero() && !winners.isEmpty() && without.isEmpty()) {
            BigDecimal sum = winners.stream().map(c -> c.money.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(total.amount()) != 0) {
                // the page contradicts itself; the per-lot amounts are kept, the difference is noted for readers
                provenance.add("awards", "中标金额合计 " + sum.toPlainString() + " 元 ≠ " + fields.first(FieldKey.TOTAL_AWARD).get().span(),
                        "award.totalMismatch");
            }
        }
    }

    /** Unit of each award column: as its header declares, unless the page's total shows the numbers are in another unit. */
    private Map<String, AmountUnit> columnUnits(List<Candidate> winners, Money total) {
        Map<String, List<BigDecimal>> byHeader = new LinkedHashMap<>();
        for (Candidate c : winners) {
            if (c.amountHeader != null && c.rule.equals("award.table")) {
                amounts.parse(c.amountText, AmountUnit.YUAN).ifPresent(m ->
                        byHeader.computeIfAbsent(c.amountHeader, h -> new ArrayList<>()).add(m.amount()));
            }
        }
        Map<String, AmountUnit> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<BigDecimal>> e : byHeader.entrySet()) {
            Optional<AmountUnit> declared = AmountUnits.fromHeader(e.getKey());
            if (declared.isEmpty()) {
                continue;
            }
            UnitCheck.Decision d = UnitCheck.reconcile(declared.get(), e.getValue(), total);
            out.put(e.getKey(), d.unit());
            if (d.corrected()) {
                provenance.add("awards", e.getKey() + ": " + d.reason(), "award.unitCorrected");
            }
        }
        return out;
    }

    /** Hebei template: the winners' table has no amount; the item table lists 中标金额 per supplier. */
    private void fromItemTable(Candidate c) {
        BigDecimal sum = null;
        String span = null;
        for (Table t : fields.tables()) {
            if (t.section() != Section.ITEMS) {
                continue;
            }
            int name = t.column(h -> SUPPLIER_COLUMN.matcher(h).find() && !NOT_NAME_COLUMN.matcher(h).find());
            int amount = t.column(h -> ITEM_AWARD_COLUMN.matcher(h).find());
            if (name < 0 || amount < 0) {
                continue;
            }
            for (List<String> row : t.rows()) {
                if (!c.supplier.equals(Names.clean(Table.cell(row, name)))) {
                    continue;
                }
                Optional<Money> m = ReleaseBuilder.money(amounts, Table.cell(row, amount), t.header().get(amount));
                if (m.isPresent()) {
                    sum = sum == null ? m.get().amount() : sum.add(m.get().amount());
                    span = (span == null ? "" : span + " ; ") + t.header().get(amount) + " " + Table.cell(row, amount);
                }
            }
        }
        if (sum != null && sum.signum() > 0) {
            c.money = Money.cny(sum);
            c.moneySpan = c.supplier + " … " + span;
            c.moneyRule = "award.itemsTable";
        }
    }

    // ------------------------------------------------------------------ OCDS

    private ArrayNode awards(List<Candidate> winners) {
        ArrayNode out = JSON.arrayNode();
        Map<String, Integer> perLot = new LinkedHashMap<>();
        for (Candidate c : winners) {
            perLot.merge(String.valueOf(c.lot), 1, Integer::sum);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        int n = 0;
        for (Candidate c : winners) {
            String key = c.lot + "|" + c.supplier + "|" + (c.money == null ? "" : c.money.amount().toPlainString());
            if (!keys.add(key)) {
                continue;
            }
            n++;
            String id;
            if (c.lot != null) {
                int k = seen.merge(c.lot, 1, Integer::sum);
                id = "lot-" + c.lot + (perLot.get(c.lot) > 1 ? "-" + k : "");
            } else {
                id = String.valueOf(n);
            }
            ObjectNode a = out.addObject();
            a.put("id", id);
            a.put("status", "active");
            if (c.money != null) {
                a.set("value", ReleaseBuilder.value(c.money));
            }
            ObjectNode party = supplierParty.apply(c.supplier, c.address);
            ObjectNode ref = a.putArray("suppliers").addObject();
            ref.put("id", party.get("id").asText());
            ref.put("name", c.supplier);
            if (c.lot != null) {
                a.putArray("relatedLots").add(c.lot);
            }
            int index = out.size() - 1;
            provenance.add("awards/" + index + "/suppliers", c.span, c.rule);
            if (c.money != null) {
                provenance.add("awards/" + index + "/value", c.moneySpan, c.moneyRule);
            }
        }
        return out;
    }

    private ArrayNode lots(List<Candidate> winners, Map<String, String> failed, List<String> titleLots, NoticeType type) {
        Map<String, ObjectNode> lots = new LinkedHashMap<>();
        for (Field f : fields.fields()) {
            if (f.lot() != null && f.section() != Section.FEES && f.section() != Section.BIDS && f.section() != Section.EXPERTS) {
                lot(lots, f.lot());
            }
        }
        for (Table t : fields.tables()) {
            if (t.lot() != null && (t.section() == Section.AWARD || t.section() == Section.ITEMS)) {
                lot(lots, t.lot());
            }
        }
        titleLots.forEach(l -> lot(lots, l));
        for (Candidate c : winners) {
            if (c.lot != null) {
                lot(lots, c.lot).put("status", "complete");
            }
        }
        for (Map.Entry<String, String> e : failed.entrySet()) {
            ObjectNode l = lot(lots, e.getKey());
            l.put("status", "unsuccessful");
            l.put("statusDetails", e.getValue());
        }
        for (Field f : fields.all(FieldKey.LOT_NAME)) {
            if (f.lot() != null && lots.containsKey(f.lot()) && !lots.get(f.lot()).has("title")) {
                lots.get(f.lot()).put("title", f.value());
            }
        }
        for (Field f : fields.fields()) {
            if (f.lot() != null && (f.key() == FieldKey.BUDGET || f.key() == FieldKey.CEILING) && lots.containsKey(f.lot())
                    && !lots.get(f.lot()).has("value")) {
                ReleaseBuilder.money(amounts, f.value(), f.label()).filter(m -> !m.isZero()).ifPresent(m -> {
                    lots.get(f.lot()).set("value", ReleaseBuilder.value(m));
                    provenance.add("tender/lots[id=" + f.lot() + "]/value", f.span(), "lot.budget");
                });
            }
        }
        if (type == NoticeType.TENDER) {
            lots.values().forEach(l -> {
                if (!l.has("status")) {
                    l.put("status", "active");
                }
            });
        }
        ArrayNode out = JSON.arrayNode();
        lots.values().forEach(out::add);
        return out;
    }

    private static ObjectNode lot(Map<String, ObjectNode> lots, String id) {
        return lots.computeIfAbsent(id, k -> {
            ObjectNode l = JSON.objectNode();
            l.put("id", k);
            return l;
        });
    }
}
