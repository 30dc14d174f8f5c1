package io.tenderlens.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tenderlens.place.GovernmentLevel;
import io.tenderlens.place.RegionResolver;
import io.tenderlens.place.ResolvedRegion;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Our OCDS extension ({@code extension/} at the repository root): a release using its fields validates
 * against the OCDS 1.1.5 release schema patched with {@code release-schema.json}, and values outside its
 * codelists do not.
 */
class OcdsExtensionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path extensionDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("extension/extension.json"))) {
                return dir.resolve("extension");
            }
        }
        throw new AssertionError("extension/extension.json not found above " + Path.of("").toAbsolutePath());
    }

    /** RFC 7386 JSON Merge Patch, as OCDS applies an extension's release-schema.json. */
    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    private static Schema schema(JsonNode schemaNode) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of(schemaNode.path("id").asText()), schemaNode);
    }

    private static JsonNode ocdsReleaseSchema() throws IOException {
        return MAPPER.readTree(SharedData.path("ocds/schema/release-schema.json").toFile());
    }

    private static Schema patched;
    private static Schema plain;

    private static synchronized Schema patchedSchema() throws IOException {
        if (patched == null) {
            JsonNode patch = MAPPER.readTree(extensionDir().resolve("release-schema.json").toFile());
            patched = schema(mergePatch(ocdsReleaseSchema(), patch));
        }
        return patched;
    }

    private static synchronized Schema plainSchema() throws IOException {
        if (plain == null) {
            plain = schema(ocdsReleaseSchema());
        }
        return plain;
    }

    /** A release for a real page's buyer, classified by the place and party APIs. */
    private static ObjectNode release() {
        String buyer = "岫岩满族自治县中心人民医院";
        ResolvedRegion region = RegionResolver.bundled().resolve(buyer, "岫岩镇大宁街105号", "岫岩满族自治县");
        GovernmentLevel.Decision level = GovernmentLevel.bundled().classify(buyer,
                "http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202609/t20260929_1.htm");
        BuyerKind.Decision kind = BuyerKind.bundled().classify(buyer);
        ObjectNode release = MAPPER.createObjectNode();
        release.put("ocid", "ocds-tl0001-CN-2026-0001").put("id", "1").put("date", "2026-09-29T10:33:00+08:00")
                .put("initiationType", "tender");
        release.putArray("tag").add("award");
        ObjectNode party = release.putArray("parties").addObject();
        party.put("id", OrganizationNames.id(buyer)).put("name", OrganizationNames.displayName(buyer));
        party.putArray("roles").add("buyer");
        PartyDetails.setRegionAndLocality(party.putObject("address"), region);
        party.set("details", PartyDetails.details(region, level, kind));
        release.putObject("buyer").put("id", party.get("id").asText()).put("name", buyer);
        release.putObject("noticeSource").put("url", "http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202609/t20260929_1.htm")
                .put("file", "raw-html/ccgp.gov.cn/wpuu__ccgp_award_liaoning_all_packages_failed__20260929.html")
                .put("sha256", "0".repeat(64)).put("site", "www.ccgp.gov.cn")
                .put("noticeType", "award").put("noticeTypeZh", "中标公告");
        ArrayNode provenance = release.putArray("provenance");
        PartyDetails.provenance("parties/0", region, level, kind).forEach(provenance::add);
        return release;
    }

    private static List<String> errors(Schema schema, JsonNode release) {
        return schema.validate(release).stream().map(Error::getMessage).toList();
    }

    @Test
    void aReleaseUsingEveryFieldValidates() throws IOException {
        ObjectNode release = release();
        assertThat(release.at("/parties/0/details/division/city/code").asText()).isEqualTo("210300");
        assertThat(release.at("/parties/0/details/governmentLevel").asText()).isEqualTo("local");
        assertThat(release.at("/parties/0/details/buyerKind").asText()).isEqualTo("health");
        assertThat(release.at("/parties/0/address/locality").asText()).isEqualTo("鞍山市");
        assertThat(release.get("provenance")).hasSize(3);
        assertThat(errors(patchedSchema(), release)).isEmpty();
    }

    private static void assertRejected(Consumer<ObjectNode> breakIt, String what) throws IOException {
        ObjectNode release = release();
        breakIt.accept(release);
        assertThat(errors(patchedSchema(), release)).as(what).isNotEmpty();
        // the plain OCDS schema lets anything through in these places: the extension is what checks them
        assertThat(errors(plainSchema(), release)).as(what + " (plain OCDS)").isEmpty();
    }

    @Test
    void valuesOutsideTheCodelistsAreRejected() throws IOException {
        assertRejected(r -> ((ObjectNode) r.at("/parties/0/details")).put("governmentLevel", "provincial"), "level");
        assertRejected(r -> ((ObjectNode) r.at("/parties/0/details")).put("buyerKind", "hospital"), "buyer kind");
        assertRejected(r -> ((ObjectNode) r.at("/parties/0/details/division/province")).put("code", "21"), "division code");
        assertRejected(r -> ((ObjectNode) r.at("/parties/0/details/division/city")).remove("name"), "division name");
        assertRejected(r -> ((ObjectNode) r.at("/provenance/0")).remove("id"), "provenance id");
        assertRejected(r -> ((ObjectNode) r.get("noticeSource")).put("sha256", "ABC"), "sha256");
        assertRejected(r -> ((ObjectNode) r.get("noticeSource")).put("noticeType", "中标公告"), "notice type");
    }

    @Test
    void theCodelistsAreThoseOfTheJavaApi() throws IOException {
        JsonNode patch = MAPPER.readTree(extensionDir().resolve("release-schema.json").toFile());
        JsonNode details = patch.at("/definitions/Organization/properties/details/properties");
        assertThat(details.at("/governmentLevel/enum").toString()).isEqualTo("[\"central\",\"local\",null]");
        List<String> kinds = new java.util.ArrayList<>();
        details.at("/buyerKind/enum").forEach(k -> kinds.add(k.asText(null)));
        assertThat(kinds.subList(0, kinds.size() - 1)).containsExactly(
                java.util.Arrays.stream(BuyerKind.Kind.values()).map(BuyerKind.Kind::code).toArray(String[]::new));
    }

    @Test
    void theExtensionMetadataNamesItsSchema() throws IOException {
        JsonNode meta = MAPPER.readTree(extensionDir().resolve("extension.json").toFile());
        assertThat(meta.at("/name/en").asText()).isNotBlank();
        assertThat(meta.at("/description/en").asText()).isNotBlank();
        assertThat(meta.get("compatibility")).extracting(JsonNode::asText).containsExactly("1.1");
        for (JsonNode file : meta.get("schemas")) {
            assertThat(extensionDir().resolve(file.asText())).isRegularFile();
        }
    }

    @Test
    void theBlockchainSampleValidates() throws IOException {
        // samples/blockchain: releases written from articles, using noticeSource, provenance and reportedBy
        JsonNode sample = MAPPER.readTree(extensionDir().resolveSibling("samples/blockchain/seed-releases.json").toFile());
        assertThat(sample.get("releases")).isNotEmpty();
        for (JsonNode release : sample.get("releases")) {
            assertThat(errors(patchedSchema(), release)).as(release.path("ocid").asText()).isEmpty();
        }
        ObjectNode badHash = (ObjectNode) sample.get("releases").get(0).deepCopy();
        ((ObjectNode) badHash.at("/reportedBy/0/seedFiles/0")).put("sha256", "not a hash");
        assertThat(errors(patchedSchema(), badHash)).isNotEmpty();
    }
}
