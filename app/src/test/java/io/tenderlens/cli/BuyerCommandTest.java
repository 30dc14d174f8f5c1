package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BuyerCommandTest {

    private static String run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return code + "\n" + out + err;
    }

    @Test
    void showsThePartyOfABuyer() throws Exception {
        String result = run("buyer", "岫岩县中心人民医院");
        assertThat(result).startsWith("0\n");
        JsonNode json = new ObjectMapper().readTree(result.substring(2));
        assertThat(json.at("/party/id").asText()).matches("CN-ORG-[0-9a-f]{16}");
        assertThat(json.at("/party/details/division/city/name").asText()).isEqualTo("鞍山市");
        assertThat(json.at("/party/details/governmentLevel").asText()).isEqualTo("local");
        assertThat(json.at("/party/details/buyerKind").asText()).isEqualTo("health");
        assertThat(json.at("/provinceEnglish").asText()).isEqualTo("Liaoning");
    }

    @Test
    void theChannelAndTheAddressCount() throws Exception {
        String result = run("buyer", "国家税务总局", "--address", "北京市海淀区羊坊店西路5号",
                "--channel", "http://www.ccgp.gov.cn/cggg/zygg/gkzb//201810/t20181026_10979228.htm");
        JsonNode json = new ObjectMapper().readTree(result.substring(2));
        assertThat(json.at("/party/details/governmentLevel").asText()).isEqualTo("central");
        assertThat(json.at("/party/address/region").asText()).isEqualTo("北京市");
        assertThat(json.at("/provenance/1/rule").asText()).isEqualTo("level.ccgpChannel");
    }

    @Test
    void anEmptyNameIsAnError() {
        assertThat(run("buyer", " ")).startsWith("2\n").contains("no name given");
    }
}
