package io.tenderlens.metrics;

import io.tenderlens.metrics.TopicMetrics.Breakdown;
import io.tenderlens.metrics.TopicMetrics.BuyerRow;
import io.tenderlens.metrics.TopicMetrics.Concentration;
import io.tenderlens.metrics.TopicMetrics.DurationStats;
import io.tenderlens.metrics.TopicMetrics.FunnelStep;
import io.tenderlens.metrics.TopicMetrics.MoneySeries;
import io.tenderlens.metrics.TopicMetrics.Row;
import io.tenderlens.metrics.TopicMetrics.SupplierRow;
import io.tenderlens.metrics.TopicMetrics.SupplierStats;
import io.tenderlens.metrics.TopicMetrics.YearAmount;
import io.tenderlens.sector.Assignment;
import io.tenderlens.topic.TopicGrade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Computes {@link TopicMetrics} over procurements and a filter. Pure; BigDecimal throughout. */
public final class MetricsCalculator {
    private static final Comparator<Procurement> BY_DATE = Comparator.comparing(Procurement::firstDate,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Procurement::ocid);

    private MetricsCalculator() {}

    public static TopicMetrics compute(List<Procurement> all, ProcurementFilter filter) {
        List<String> notes = new ArrayList<>();
        List<Procurement> scope = all.stream().filter(filter::inScope).toList();
        List<Procurement> hits = scope.stream().filter(p -> p.topic().grade() != TopicGrade.NONE).toList();
        List<Procurement> graded = hits.stream().filter(p -> filter.grades().contains(p.topic().grade())).toList();
        List<Procurement> projects = graded.stream()
                .filter(p -> p.status() != Status.FAILED && p.status() != Status.CANCELLED).sorted(BY_DATE).toList();

        List<FunnelStep> funnel = new ArrayList<>();
        funnel.add(step("hits", "检索命中", "search hits", hits, notices(hits),
                "含主题词的全部公告（含模板文字）", "every notice of a procurement in which a topic term occurs, boilerplate included"));
        funnel.add(step("topical", "去除模板文字", "boilerplate removed", graded, notices(graded),
                "只留等级为 " + grades(filter, true) + " 的采购", "kept procurements graded " + grades(filter, false)
                        + "; removed those where terms occur only in boilerplate (e.g. the 区块链已存证 stamp)"));
        java.util.Set<String> projectOcids = new java.util.HashSet<>(ocids(projects));
        List<Procurement> alive = graded.stream().filter(p -> projectOcids.contains(p.ocid())).toList();
        funnel.add(step("alive", "去除废标、终止", "failed and cancelled removed", alive, notices(alive),
                "去除废标/流标/终止的采购（含其全部公告）", "removed procurements that failed (废标/流标, or every lot failed) or were cancelled (终止), with all their notices"));
        funnel.add(step("merged", "合并重复公告", "repeats merged", projects, projects.size(),
                "同一 ocid 的公告（招标、更正、结果）合并为一个项目", "notices of one procurement (same ocid: tender, corrections, result) merged into one project"));
        for (Status s : List.of(Status.CLOSED, Status.BIDDING, Status.UNKNOWN)) {
            List<Procurement> in = projects.stream().filter(p -> p.status() == s).toList();
            Label l = s.label();
            funnel.add(step(l.key(), l.zh(), l.en(), in, notices(in), "项目状态", "project status"));
        }

        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown("sector", "行业领域", "Sector", projects, p -> label(p.sector()), true));
        breakdowns.add(breakdown("category", "项目类型", "Category", projects, p -> label(p.category()), true));
        breakdowns.add(breakdown("level", "政府层级", "Government level", projects, p -> p.buyer().level(), true));
        breakdowns.add(breakdown("province", "省份", "Province", projects, p -> p.buyer().province(), true));
        breakdowns.add(breakdown("city", "城市", "City", projects, MetricsCalculator::city, true));
        breakdowns.add(breakdown("year", "年份", "Year", projects, MetricsCalculator::year, false));
        breakdowns.add(breakdown("buyerKind", "采购人类型", "Buyer kind", projects, p -> p.buyer().kind(), true));
        breakdowns.add(breakdown("status", "项目状态", "Status", projects, p -> p.status().label(), true));
        breakdowns.add(breakdown("grade", "主题相关度", "Topic grade", projects,
                p -> new Label(p.topic().grade().name().toLowerCase(java.util.Locale.ROOT), p.topic().grade().labelZh(),
                        p.topic().grade().labelEn()), true));

        List<MoneySeries> money = new ArrayList<>();
        for (Measure m : Measure.values()) {
            money.add(series(m, projects));
        }
        long undated = projects.stream().filter(p -> p.firstDate() == null).count();
        if (undated > 0) {
            notes.add(undated + " project(s) have no date: counted in totals, not in the years");
        }
        projects.forEach(p -> p.amountNotes().forEach(n -> notes.add(p.ocid() + ": " + n)));

        Map<Measure, Procurement> largest = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            projects.stream().filter(p -> p.amount(m) != null)
                    .max(Comparator.comparing((Procurement p) -> p.amount(m)).thenComparing(Procurement::ocid, Comparator.reverseOrder()))
                    .ifPresent(p -> largest.put(m, p));
        }
        Procurement first = projects.stream().filter(p -> p.firstDate() != null).findFirst().orElse(null);
        return new TopicMetrics(filter, funnel, projects, breakdowns, money, suppliers(projects), buyers(projects),
                first, largest, tenderToAward(projects), notes);
    }

    private static String grades(ProcurementFilter f, boolean zh) {
        return String.join(zh ? "、" : ", ", f.grades().stream().map(g -> zh ? g.labelZh() : g.labelEn()).toList());
    }

    private static int notices(List<Procurement> ps) {
        return ps.stream().mapToInt(p -> Math.max(1, p.notices().size())).sum();
    }

    private static FunnelStep step(String id, String zh, String en, List<Procurement> ps, int notices, String ruleZh, String ruleEn) {
        return new FunnelStep(id, zh, en, notices, ps.size(), ocids(ps), ruleZh, ruleEn);
    }

    private static List<String> ocids(List<Procurement> ps) {
        return ps.stream().map(Procurement::ocid).toList();
    }

    private static Label label(Assignment a) {
        return new Label(a.value().id(), a.value().labelZh(), a.value().labelEn());
    }

    private static Label city(Procurement p) {
        Party b = p.buyer();
        if (b.city().isBlank()) {
            return Label.UNKNOWN;
        }
        return new Label(b.province().key() + "/" + b.city(), b.city(), b.city() + (b.province().isUnknown() ? "" : ", " + b.province().en()));
    }

    private static Label year(Procurement p) {
        if (p.firstDate() == null) {
            return Label.UNKNOWN;
        }
        String y = String.valueOf(p.firstDate().getYear());
        return new Label(y, y + "年", y);
    }

    /** Rows by count (descending) or by key (ascending: years); unknown last. */
    static Breakdown breakdown(String id, String zh, String en, List<Procurement> ps, Function<Procurement, Label> key,
                               boolean byCount) {
        Map<String, Label> labels = new LinkedHashMap<>();
        Map<String, List<Procurement>> groups = new TreeMap<>();
        for (Procurement p : ps) {
            Label l = key.apply(p);
            labels.putIfAbsent(l.key(), l);
            groups.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(p);
        }
        BigDecimal total = BigDecimal.valueOf(ps.size());
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(new Row(labels.get(k), g.size(), Decimals.ratio(BigDecimal.valueOf(g.size()), total),
                sums(g), ocids(g))));
        Comparator<Row> order = byCount
                ? Comparator.comparing((Row r) -> -r.count()).thenComparing(r -> r.label().key())
                : Comparator.comparing(r -> r.label().key());
        rows.sort(Comparator.comparing((Row r) -> r.label().isUnknown()).thenComparing(order));
        return new Breakdown(id, zh, en, rows);
    }

    private static Map<Measure, BigDecimal> sums(List<Procurement> ps) {
        Map<Measure, BigDecimal> out = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            // null when no project states the amount: "not stated" is not 0
            out.put(m, ps.stream().map(p -> p.amount(m)).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null));
        }
        return out;
    }

    /**
     * Per-year sums, year-on-year growth g(t) = S(t) / S(t−1) − 1 (undefined when S(t−1) = 0), their
     * arithmetic mean, and CAGR = (S(last) / S(first))^(1 / (last − first)) − 1 between the first and last
     * years with a positive sum.
     */
    static MoneySeries series(Measure m, List<Procurement> ps) {
        List<Procurement> with = ps.stream().filter(p -> p.amount(m) != null).toList();
        BigDecimal total = with.stream().map(p -> p.amount(m)).reduce(BigDecimal.ZERO, BigDecimal::add);
        TreeMap<Integer, List<Procurement>> byYear = new TreeMap<>();
        with.stream().filter(p -> p.firstDate() != null)
                .forEach(p -> byYear.computeIfAbsent(p.firstDate().getYear(), y -> new ArrayList<>()).add(p));
        List<YearAmount> years = new ArrayList<>();
        BigDecimal growthSum = BigDecimal.ZERO;
        int growthCount = 0;
        if (!byYear.isEmpty()) {
            BigDecimal previous = null;
            for (int y = byYear.firstKey(); y <= byYear.lastKey(); y++) {
                List<Procurement> in = byYear.getOrDefault(y, List.of());
                BigDecimal sum = in.stream().map(p -> p.amount(m)).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal growth = previous == null || previous.signum() == 0 ? null
                        : sum.divide(previous, Decimals.MC).subtract(BigDecimal.ONE);
                if (growth != null) {
                    growthSum = growthSum.add(growth);
                    growthCount++;
                }
                years.add(new YearAmount(y, sum, growth, ocids(in)));
                previous = sum;
            }
        }
        BigDecimal average = growthCount == 0 ? null : growthSum.divide(BigDecimal.valueOf(growthCount), Decimals.MC);
        List<YearAmount> positive = years.stream().filter(y -> y.amount().signum() > 0).toList();
        BigDecimal cagr = null;
        Integer from = null;
        Integer to = null;
        if (positive.size() >= 2) {
            YearAmount a = positive.get(0);
            YearAmount b = positive.get(positive.size() - 1);
            from = a.year();
            to = b.year();
            cagr = Decimals.root(b.amount().divide(a.amount(), Decimals.MC), to - from).subtract(BigDecimal.ONE);
        }
        return new MoneySeries(m, total, ocids(with), years, average, cagr, from, to);
    }

    private static SupplierStats suppliers(List<Procurement> projects) {
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, List<String>> wins = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, BigDecimal> splits = new LinkedHashMap<>();
        List<String> withSuppliers = new ArrayList<>();
        for (Procurement p : projects) {
            if (!p.suppliers().isEmpty()) {
                withSuppliers.add(p.ocid());
            }
            for (Procurement.Supplied s : p.suppliers()) {
                parties.putIfAbsent(s.party().id(), s.party());
                wins.computeIfAbsent(s.party().id(), k -> new ArrayList<>()).add(p.ocid());
                if (s.amount() != null) {
                    amounts.merge(s.party().id(), s.amount(), BigDecimal::add);
                    splits.merge(s.party().id(), s.split(), BigDecimal::add);
                }
            }
        }
        BigDecimal allWins = BigDecimal.valueOf(wins.values().stream().mapToInt(List::size).sum());
        BigDecimal market = splits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<SupplierRow> rows = new ArrayList<>();
        parties.forEach((id, party) -> rows.add(new SupplierRow(party, wins.get(id).size(), amounts.get(id),
                Decimals.ratio(BigDecimal.valueOf(wins.get(id).size()), allWins),
                splits.containsKey(id) ? Decimals.ratio(splits.get(id), market) : null, wins.get(id))));
        Comparator<SupplierRow> byName = Comparator.comparing(r -> r.party().displayName());
        List<SupplierRow> byWins = rows.stream().sorted(Comparator.comparing((SupplierRow r) -> -r.wins())
                .thenComparing(r -> r.amount() == null ? BigDecimal.ZERO : r.amount(), Comparator.reverseOrder()).thenComparing(byName)).toList();
        List<SupplierRow> byAmount = rows.stream().filter(r -> r.amount() != null)
                .sorted(Comparator.comparing(SupplierRow::amount, Comparator.reverseOrder()).thenComparing(byName)).toList();
        Breakdown byProvince = breakdownOfParties(parties, wins);
        return new SupplierStats(parties.size(), byProvince, byWins, byAmount,
                concentration(rows.stream().map(SupplierRow::winShare).filter(Objects::nonNull).toList()),
                concentration(rows.stream().map(SupplierRow::amountShare).filter(Objects::nonNull).toList()), withSuppliers);
    }

    /** Suppliers (not projects) by province of registration; each row's ocids are the projects they won. */
    private static Breakdown breakdownOfParties(Map<String, Party> parties, Map<String, List<String>> wins) {
        Map<String, Label> labels = new LinkedHashMap<>();
        Map<String, List<String>> members = new TreeMap<>();
        Map<String, List<String>> won = new TreeMap<>();
        parties.forEach((id, party) -> {
            Label l = party.province();
            labels.putIfAbsent(l.key(), l);
            members.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(id);
            won.computeIfAbsent(l.key(), k -> new ArrayList<>()).addAll(wins.get(id));
        });
        BigDecimal total = BigDecimal.valueOf(parties.size());
        List<Row> rows = new ArrayList<>();
        members.forEach((k, ids) -> rows.add(new Row(labels.get(k), ids.size(), Decimals.ratio(BigDecimal.valueOf(ids.size()), total),
                Map.of(), won.get(k).stream().distinct().toList())));
        rows.sort(Comparator.comparing((Row r) -> r.label().isUnknown()).thenComparing(r -> -r.count()).thenComparing(r -> r.label().key()));
        return new Breakdown("supplierProvince", "供应商注册地", "Supplier province of registration", rows);
    }

    /** CR1, CR3 and HHI of a list of shares (fractions). */
    static Concentration concentration(List<BigDecimal> shares) {
        if (shares.isEmpty()) {
            return new Concentration(null, null, null, 0);
        }
        List<BigDecimal> sorted = shares.stream().sorted(Comparator.reverseOrder()).toList();
        BigDecimal cr3 = sorted.stream().limit(3).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hhi = sorted.stream().map(s -> s.movePointRight(2).pow(2, Decimals.MC)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Concentration(sorted.get(0), cr3, hhi, shares.size());
    }

    private static List<BuyerRow> buyers(List<Procurement> projects) {
        Map<String, List<Procurement>> groups = new LinkedHashMap<>();
        projects.forEach(p -> groups.computeIfAbsent(p.buyer().id(), k -> new ArrayList<>()).add(p));
        List<BuyerRow> rows = new ArrayList<>();
        groups.forEach((id, g) -> rows.add(new BuyerRow(g.get(0).buyer(), g.size(), sums(g), ocids(g))));
        rows.sort(Comparator.comparing((BuyerRow r) -> -r.projects())
                .thenComparing(r -> r.amounts().get(Measure.AWARD), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.party().displayName()));
        return rows;
    }

    private static DurationStats tenderToAward(List<Procurement> projects) {
        Predicate<Procurement> both = p -> p.tenderDate() != null && p.awardDate() != null && !p.awardDate().isBefore(p.tenderDate());
        List<Procurement> with = projects.stream().filter(both).toList();
        if (with.isEmpty()) {
            return new DurationStats(0, null, null, null, null, List.of());
        }
        List<Long> days = with.stream().map(p -> ChronoUnit.DAYS.between(p.tenderDate(), p.awardDate())).sorted().toList();
        int n = days.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(days.get(n / 2))
                : BigDecimal.valueOf(days.get(n / 2 - 1) + days.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_EVEN);
        BigDecimal mean = BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum()).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
        return new DurationStats(n, days.get(0).intValue(), median, mean, days.get(n - 1).intValue(), ocids(with));
    }
}
