package io.tenderlens.metrics;

import io.tenderlens.sector.Assignment;
import io.tenderlens.topic.TopicMatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One procurement (an OCDS record: all notices of one ocid) as the metrics see it.
 *
 * @param firstDate  the earliest date known: first notice, tender start or award
 * @param tenderDate tender start ({@code tender.tenderPeriod.startDate}, else the first tender notice)
 * @param awardDate  first award date ({@code awards[].date}, else the first award notice)
 * @param currency   currency of the amounts below (amounts in another currency are not summed)
 * @param budget     null when not stated
 * @param award      null when not stated
 * @param topicPart  null when no award money can be attributed to the topic
 * @param amountNotes why an amount was left out (mixed currencies, unparsable values), for the methodology
 */
public record Procurement(String ocid, String title, Party buyer, List<Supplied> suppliers,
                          LocalDate firstDate, LocalDate tenderDate, LocalDate awardDate, Status status,
                          String currency, BigDecimal budget, BigDecimal award, BigDecimal topicPart,
                          TopicMatch topic, Assignment sector, Assignment category,
                          List<Notice> notices, List<String> amountNotes) {
    public Procurement {
        suppliers = List.copyOf(suppliers);
        notices = List.copyOf(notices);
        amountNotes = List.copyOf(amountNotes);
    }

    public BigDecimal amount(Measure m) {
        return switch (m) {
            case BUDGET -> budget;
            case AWARD -> award;
            case TOPIC_PART -> topicPart;
        };
    }

    /**
     * A supplier of this procurement and the award money it won.
     *
     * @param amount   the values of the awards it is a supplier of, in full (null when no value is stated)
     * @param split    the same, each award's value divided by its number of suppliers (for market shares)
     */
    public record Supplied(Party party, BigDecimal amount, BigDecimal split) {}

    /** Sources of the notices ({@code noticeSource.site}), for the source filter. */
    public List<String> sites() {
        return notices.stream().map(Notice::site).filter(s -> !s.isBlank()).distinct().toList();
    }
}
