package io.tenderlens.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class OcdsDatesTest {
    @Test
    void keepsThePublishersLocalTime() {
        assertThat(OcdsDates.parse("2017-08-08T08:24:21-04:00")).contains(LocalDateTime.of(2017, 8, 8, 8, 24, 21));
        assertThat(OcdsDates.parse("2020-01-01T00:30:00+08:00")).contains(LocalDateTime.of(2020, 1, 1, 0, 30));
        assertThat(OcdsDates.parse("2015-10-29T17:47:12Z")).contains(LocalDateTime.of(2015, 10, 29, 17, 47, 12));
        assertThat(OcdsDates.parse("2015-10-29T17:47:12.250Z")).contains(LocalDateTime.of(2015, 10, 29, 17, 47, 12, 250_000_000));
        assertThat(OcdsDates.parse("2019-11-25T17:20:38.1610873Z")).contains(LocalDateTime.of(2019, 11, 25, 17, 20, 38, 161_087_000));
        assertThat(OcdsDates.parse("2015-10-29T17:47:12")).contains(LocalDateTime.of(2015, 10, 29, 17, 47, 12));
    }

    @Test
    void readsDatesAndMonthsWithoutTime() {
        assertThat(OcdsDates.parse("2014-02-10")).contains(LocalDateTime.of(2014, 2, 10, 0, 0));
        assertThat(OcdsDates.parse("2014-02")).contains(LocalDateTime.of(2014, 2, 1, 0, 0));
        assertThat(OcdsDates.parse(" 2014 ")).contains(LocalDateTime.of(2014, 1, 1, 0, 0));
    }

    @Test
    void anythingElseIsNotADate() {
        assertThat(OcdsDates.parse(null)).isEmpty();
        assertThat(OcdsDates.parse("")).isEmpty();
        assertThat(OcdsDates.parse("2014-13-01")).isEmpty();
        assertThat(OcdsDates.parse("yesterday")).isEmpty();
        assertThat(OcdsDates.parse("2017-08-08T08:24:21-0400x")).isEmpty();
    }
}
