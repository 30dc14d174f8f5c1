package io.tenderlens.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.Status;
import io.tenderlens.topic.TopicGrade;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavedSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsBackFromItsJson() {
        SavedSearch s = new SavedSearch("bj-chain", " 北京 区块链 ", "title:区块链 -存证", "blockchain",
                new ProcurementFilter(Set.of(TopicGrade.ABOUT), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        Set.of("110000"), Set.of("central"), Set.of("finance"), Set.of("government"), Set.of()),
                Set.of(Status.BIDDING));
        assertThat(s.name()).isEqualTo("北京 区块链");
        assertThat(SavedSearch.fromJson(s.toJson(), null, "test")).isEqualTo(s);
    }

    @Test
    void acceptsCommaSeparatedListsAndLeavesOutWhatIsNotGiven() throws Exception {
        SavedSearch s = SavedSearch.fromJson(JSON.readTree("{\"name\": \"n\", \"provinces\": \"北京市, 广东省\", \"statuses\": [\"bidding\"]}"),
                "abc", "request body");
        assertThat(s.id()).isEqualTo("abc");
        assertThat(s.query()).isNull();
        assertThat(s.topic()).isNull();
        assertThat(s.filter().provinces()).containsExactlyInAnyOrder("北京市", "广东省");
        assertThat(s.statuses()).containsExactly(Status.BIDDING);
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> SavedSearch.fromJson(JSON.readTree("{\"name\": \"n\", \"from\": \"yesterday\"}"), "a", "request body"))
                .hasMessage("request body: 'from' is 'yesterday', not a date (yyyy-MM-dd)");
        assertThatThrownBy(() -> SavedSearch.fromJson(JSON.readTree("{\"name\": \"n\", \"statuses\": [\"open\"]}"), "a", "request body"))
                .hasMessageContaining("'statuses' has 'open' (one of closed, bidding, failed, cancelled, unknown)");
        assertThatThrownBy(() -> SavedSearch.fromJson(JSON.readTree("{\"name\": \"n\", \"from\": \"2026-02-01\", \"to\": \"2026-01-01\"}"), "a", "body"))
                .hasMessageStartingWith("body: ").hasMessageContaining("is after");
        assertThatThrownBy(() -> new SavedSearch("../x", "n", null, null, null, null)).hasMessageContaining("saved search id '../x'");
        assertThatThrownBy(() -> new SavedSearch("x", " ", null, null, null, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new SavedSearch("x", "n", null, "Block Chain", null, null)).hasMessageContaining("topic");
    }
}
