package io.tenderlens.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads OCDS date values into the publisher's local date and time. The offset is dropped on
 * purpose: a notice published on 1 January in Beijing belongs to that year for an analyst, even
 * though it was still 31 December in UTC. Publishers also write bare dates ("2014-02-10") or months
 * ("2014-02"); those become the start of that day or month. Precision is the microsecond, as in the
 * store's TIMESTAMP columns.
 */
public final class OcdsDates {
    private OcdsDates() {}

    /** The local date-time of an OCDS date string, empty when it is not a date. */
    public static Optional<LocalDateTime> parse(String text) {
        return text == null ? Optional.empty() : parseStripped(text.strip()).map(t -> t.truncatedTo(ChronoUnit.MICROS));
    }

    private static Optional<LocalDateTime> parseStripped(String value) {
        try {
            if (value.length() > 10) {
                return Optional.of(hasOffset(value)
                        ? OffsetDateTime.parse(value).toLocalDateTime()
                        : LocalDateTime.parse(value));
            }
            switch (value.length()) {
                case 10: return Optional.of(LocalDate.parse(value).atStartOfDay());
                case 7: return Optional.of(YearMonth.parse(value).atDay(1).atStartOfDay());
                case 4: return Optional.of(Year.parse(value).atDay(1).atStartOfDay());
                default: return Optional.empty();
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean hasOffset(String value) {
        char last = value.charAt(value.length() - 1);
        if (last == 'Z' || last == 'z') {
            return true;
        }
        int time = value.indexOf('T');
        return time > 0 && (value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0);
    }
}
