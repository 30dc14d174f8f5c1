package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.tenderlens.ocds.OcdsFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class PythonValuesTest {

    @Test
    void reprOfStringsQuotesAndEscapesAsPython() {
        assertThat(PythonValues.repr("1")).isEqualTo("'1'");
        assertThat(PythonValues.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonValues.repr("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonValues.repr("a\\b\n\t\u0001")).isEqualTo("'a\\\\b\\n\\t\\x01'");
        assertThat(PythonValues.repr("北京\u00a0")).isEqualTo("'北京\\xa0'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.0|1.0", "1e16|1e+16", "1e15|1000000000000000.0", "0.0001|0.0001",
            "0.00001|1e-05", "123.456|123.456", "-2.5e-7|-2.5e-07", "1.5e300|1.5e+300"})
    void floatsPrintAsPython(String json, String python) {
        assertThat(PythonValues.str(json(json))).isEqualTo(python);
    }

    @Test
    void strOfOtherValues() {
        assertThat(PythonValues.str(null)).isEqualTo("None");
        assertThat(PythonValues.str(json("null"))).isEqualTo("None");
        assertThat(PythonValues.str(json("true"))).isEqualTo("True");
        assertThat(PythonValues.str(json("12345678901234567890"))).isEqualTo("12345678901234567890");
        assertThat(PythonValues.str(json("{\"a\": [1, null, \"x\"]}"))).isEqualTo("{'a': [1, None, 'x']}");
    }

    @Test
    void equalityIsPythons() {
        assertThat(PythonValues.equal(json("1"), json("1.0"))).isTrue();
        assertThat(PythonValues.equal(json("true"), json("1"))).isTrue();
        assertThat(PythonValues.equal(json("1"), json("\"1\""))).isFalse();
        assertThat(PythonValues.equal(json("{\"a\":1,\"b\":[1,2]}"), json("{\"b\":[1,2.0],\"a\":1}"))).isTrue();
        assertThat(PythonValues.equal(json("[1,2]"), json("[2,1]"))).isFalse();
        assertThat(PythonValues.equal(json("null"), json("null"))).isTrue();
        assertThat(PythonValues.equal(json("0.1"), json("0.10"))).isTrue();
    }
}
