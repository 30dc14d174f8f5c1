package io.tenderlens.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlatRecordTest {
    @Test
    void readsTheFieldsOfAPublishersCompiledRelease() throws Exception {
        // Paraguay DNCP publishes records with a compiledRelease and its releases linked by date and tag
        JsonNode record = Store.JSON.readTree(SharedData.path("ocds/real/paraguay-dncp/record-packages/274231.json").toFile())
                .path("records").get(0);
        List<JsonNode> releases = List.copyOf(toList(record.path("releases")));
        FlatRecord flat = FlatRecord.of("ocds-03ad3f-274231", releases, record.path("compiledRelease"));

        assertThat(flat.releaseCount()).isEqualTo(4);
        assertThat(flat.title()).isEqualTo("ADQUISICIÓN DE EQUIPOS DE COMUNICACIÓN Y TERMINALES ÓPTICOS DE TRANSMISIÓN");
        assertThat(flat.buyerName()).isEqualTo("Compañía Paraguaya de Comunicaciones (COPACO)");
        assertThat(flat.buyerId()).isNull();
        assertThat(flat.tenderStatus()).isEqualTo("complete");
        assertThat(flat.stage()).isEqualTo("contract");
        assertThat(flat.budgetAmount()).isEqualByComparingTo("600000000");
        assertThat(flat.budgetCurrency()).isEqualTo("PYG");
        assertThat(flat.awardAmount()).isEqualByComparingTo("180941450");
        assertThat(flat.awardCurrency()).isEqualTo("PYG");
        assertThat(flat.awardCount()).isEqualTo(1);
        assertThat(flat.supplierNames()).containsExactly("RIEDER Y CIA. SACI");
        assertThat(flat.tenderStart()).isEqualTo(LocalDateTime.of(2016, 3, 15, 7, 30));
        assertThat(flat.tenderEnd()).isNull();
        assertThat(flat.awardDate()).isEqualTo(LocalDateTime.of(2016, 10, 27, 16, 58, 21));
        assertThat(flat.contractSigned()).isEqualTo(LocalDateTime.of(2016, 10, 18, 12, 0));
        assertThat(flat.lastDate()).isEqualTo(LocalDateTime.of(2017, 8, 8, 8, 24, 26));
        assertThat(flat.firstDate()).isEqualTo(releases.stream().map(r -> OcdsDates.parse(r.path("date").asText()).orElseThrow())
                .min(LocalDateTime::compareTo).orElseThrow());
        assertThat(flat.tags()).contains("planning", "tender", "award", "contract");
    }

    @Test
    void readsOurExtensionFieldsFromTheBuyerParty() throws Exception {
        ObjectNode compiled = (ObjectNode) Store.JSON.readTree("""
                {"ocid":"ocds-x-1","date":"2021-06-01T10:00:00+08:00",
                 "buyer":{"id":"CN-ORG-1","name":"某某市大数据局"},
                 "parties":[
                   {"id":"CN-ORG-9","name":"某代理公司","roles":["procuringEntity"]},
                   {"id":"CN-ORG-1","name":"某某市大数据局","roles":["buyer"],
                    "address":{"region":"浙江省","locality":"杭州市"},
                    "details":{"governmentLevel":"local","buyerKind":"government",
                               "division":{"province":{"code":"330000","name":"浙江省"},"city":{"code":"330100","name":"杭州市"}}}},
                   {"id":"CN-ORG-2","name":"甲公司","roles":["supplier"]}],
                 "tender":{"id":"ZJ-2021-1","title":"区块链平台采购","status":"complete","procurementMethod":"open",
                           "procurementMethodDetails":"公开招标","value":{"amount":1820000.000,"currency":"CNY"}},
                 "awards":[{"id":"1","status":"active","value":{"amount":668.79,"currency":"CNY"},"suppliers":[{"id":"CN-ORG-2","name":"甲公司"}]},
                           {"id":"2","status":"active","value":{"amount":0.21,"currency":"CNY"},"suppliers":[{"id":"CN-ORG-3","name":"乙公司"}]},
                           {"id":"3","status":"unsuccessful","value":{"amount":999,"currency":"CNY"}}]}""");
        FlatRecord flat = FlatRecord.of("ocds-x-1", List.of(compiled), compiled);

        assertThat(flat.province()).isEqualTo("浙江省");
        assertThat(flat.provinceCode()).isEqualTo("330000");
        assertThat(flat.city()).isEqualTo("杭州市");
        assertThat(flat.cityCode()).isEqualTo("330100");
        assertThat(flat.governmentLevel()).isEqualTo("local");
        assertThat(flat.buyerKind()).isEqualTo("government");
        assertThat(flat.procuringEntityName()).isEqualTo("某代理公司");
        assertThat(flat.procurementMethodDetails()).isEqualTo("公开招标");
        assertThat(flat.awardAmount()).isEqualTo(new BigDecimal("669.000000")); // the failed lot's award is left out
        assertThat(flat.awardCount()).isEqualTo(2);
        assertThat(flat.supplierIds()).containsExactly("CN-ORG-2", "CN-ORG-3");
        assertThat(flat.stage()).isEqualTo("award");
        assertThat(flat.firstDate()).isEqualTo(LocalDateTime.of(2021, 6, 1, 10, 0));
    }

    @Test
    void awardsInSeveralCurrenciesHaveNoSingleTotal() throws Exception {
        JsonNode compiled = Store.JSON.readTree("""
                {"awards":[{"value":{"amount":1,"currency":"USD"}},{"value":{"amount":2,"currency":"EUR"}}]}""");
        FlatRecord flat = FlatRecord.of("o", List.of(), compiled);
        assertThat(flat.awardAmount()).isNull();
        assertThat(flat.awardCurrency()).isNull();
        assertThat(flat.awardCount()).isEqualTo(2);
        assertThat(flat.firstDate()).isNull();
        assertThat(flat.stage()).isEqualTo("award");
    }

    @Test
    void addressFillsInWhenThereIsNoDivisionAndPlanningBudgetWhenNoTenderValue() throws Exception {
        JsonNode compiled = Store.JSON.readTree("""
                {"parties":[{"name":"Buyer","roles":["buyer"],"address":{"region":"Asunción","locality":"Centro"}}],
                 "planning":{"budget":{"project":"Roads","amount":{"amount":"12.5","currency":"PYG"}}}}""");
        FlatRecord flat = FlatRecord.of("o", List.of(), compiled);
        assertThat(flat.buyerName()).isEqualTo("Buyer");
        assertThat(flat.province()).isEqualTo("Asunción");
        assertThat(flat.city()).isEqualTo("Centro");
        assertThat(flat.title()).isEqualTo("Roads");
        assertThat(flat.budgetAmount()).isEqualByComparingTo("12.5");
        assertThat(flat.stage()).isEqualTo("planning");
    }

    @Test
    void columnsFollowTheFieldsInSnakeCase() {
        assertThat(FlatRecord.columns()).first().isEqualTo(new FlatRecord.Column("ocid", "VARCHAR"));
        assertThat(FlatRecord.columns()).contains(new FlatRecord.Column("budget_amount", "DECIMAL(38, 6)"),
                new FlatRecord.Column("supplier_names", "VARCHAR[]"), new FlatRecord.Column("first_date", "TIMESTAMP"));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
