package io.tenderlens.place;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Province and city of the buyer, from its name (and a buyer address in the snippet), against the
 * aggregator's labels (cn-notices group D). Labels found wrong by hand are corrected from
 * {@code region-label-corrections.tsv}, each with its reason.
 */
class RegionResolverRealDataTest {

    private final RegionResolver resolver = RegionResolver.bundled();

    record Correction(String province, String city, String reason) {}

    private static Map<String, Correction> corrections() throws IOException {
        Map<String, Correction> map = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RegionResolverRealDataTest.class.getResourceAsStream("region-label-corrections.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                // buyer, labelled province, labelled city, correct province, correct city, reason
                map.put(f[0] + "|" + f[1] + "|" + f[2], new Correction(f[3], f[4], f[5]));
            }
        }
        return map;
    }

    /** Accuracy figures of one way of resolving. */
    static final class Tally {
        int provinceTotal, provinceResolved, provinceRight, cityTotal, cityResolved, cityRight;
        final StringBuilder wrong = new StringBuilder();

        double provinceAccuracy() {
            return (double) provinceRight / provinceTotal;
        }

        double provincePrecision() {
            return (double) provinceRight / provinceResolved;
        }

        double cityAccuracy() {
            return (double) cityRight / cityTotal;
        }

        double cityPrecision() {
            return (double) cityRight / cityResolved;
        }

        void add(String buyer, String area, String city, ResolvedRegion r) {
            String gotProvince = r.province().map(Division::shortName).orElse("");
            String gotCity = r.city().map(Division::name).orElse("");
            provinceTotal++;
            provinceResolved += gotProvince.isEmpty() ? 0 : 1;
            boolean provinceOk = gotProvince.equals(area);
            provinceRight += provinceOk ? 1 : 0;
            boolean cityOk = true;
            if (city != null) {
                cityTotal++;
                cityResolved += gotCity.isEmpty() ? 0 : 1;
                cityOk = gotCity.equals(city);
                cityRight += cityOk ? 1 : 0;
            }
            if (!provinceOk || !cityOk) {
                wrong.append("  ").append(buyer).append(" | label ").append(area).append(' ').append(city)
                        .append(" | got ").append(gotProvince).append(' ').append(gotCity).append(" | ")
                        .append(r.decidedBy().stream().map(e -> e.source() + ":" + e.text()).toList()).append('\n');
            }
        }

        String summary(String what) {
            return String.format("%s: province %d/%d = %.4f (precision %d/%d = %.4f), city %d/%d = %.4f (precision %d/%d = %.4f)",
                    what, provinceRight, provinceTotal, provinceAccuracy(), provinceRight, provinceResolved, provincePrecision(),
                    cityRight, cityTotal, cityAccuracy(), cityRight, cityResolved, cityPrecision());
        }
    }

    /**
     * The buyer field does not name the buyer: the military procurement site writes 某单位 ("a unit"), and some
     * records put the procurement agency (a tendering or consulting company) in it.
     */
    static boolean buyerNotNamed(String buyer, String agency) {
        return buyer.equals("某单位") || (buyer.equals(agency) && buyer.matches(".*(招标|咨询|项目管理).*"));
    }

    @Test
    void provinceAndCityFromTheBuyersNameMatchTheLabels() throws IOException {
        List<JsonNode> notices = AggregatorNotices.load();
        Map<String, Correction> corrections = corrections();
        Tally nameOnly = new Tally();
        Tally withContext = new Tally();
        int noBuyer = 0, notNamed = 0, nationwide = 0, corrected = 0;
        for (JsonNode n : notices) {
            String buyer = AggregatorNotices.text(n, "buyer");
            String area = AggregatorNotices.text(n, "area");
            String city = AggregatorNotices.text(n, "city");
            if (buyer == null || buyer.isEmpty()) {
                noBuyer++;
                continue;
            }
            if ("全国".equals(area)) {
                nationwide++;
                continue;
            }
            if (buyerNotNamed(buyer, AggregatorNotices.text(n, "agency"))) {
                notNamed++;
                continue;
            }
            Correction c = corrections.get(buyer + "|" + area + "|" + city);
            if (c != null) {
                corrected++;
                area = c.province();
                city = c.city().equals("-") ? null : c.city();
            }
            String address = AggregatorNotices.buyerAddress(n);
            nameOnly.add(buyer, area, city, resolver.resolve(buyer, address, null));
            withContext.add(buyer, area, city, resolver.resolve(new RegionClues(buyer, address, null,
                    AggregatorNotices.text(n, "title") + " " + AggregatorNotices.text(n, "site"))));
        }
        System.out.printf("aggregator notices: %d; skipped %d without a buyer, %d labelled 全国, %d whose buyer field names no buyer; "
                + "%d labels corrected (region-label-corrections.tsv)%n", notices.size(), noBuyer, nationwide, notNamed, corrected);
        System.out.println(nameOnly.summary("buyer name + buyer address"));
        System.out.println(withContext.summary("buyer name + buyer address + title and site"));
        System.out.print("disagreements (with title and site):\n" + withContext.wrong);
        assertThat(nameOnly.provincePrecision()).as("province precision from the name").isGreaterThanOrEqualTo(0.99);
        assertThat(nameOnly.cityPrecision()).as("city precision from the name").isGreaterThanOrEqualTo(0.97);
        assertThat(withContext.provinceAccuracy()).as("province accuracy").isGreaterThanOrEqualTo(0.98);
        assertThat(withContext.cityAccuracy()).as("city accuracy").isGreaterThanOrEqualTo(0.95);
    }
}
