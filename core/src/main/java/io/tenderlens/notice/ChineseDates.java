package io.tenderlens.notice;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as notices print them — {@code 2026年09月28日 23:50}, {@code 2026-09-29},
 * {@code 2026年8月4日}, {@code 2018年11月19日上午9：30}, {@code 2025-02-2200:00:00}, epoch seconds of
 * crawlers — as OCDS date-times in China Standard Time (+08:00).
 */
public final class ChineseDates {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*日?"
                    + "(?:[\\sT]*(上午|下午|晚上|中午)?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})?\\s*(?:分|[:]\\s*(\\d{1,2})\\s*秒?)?)?");

    private ChineseDates() {}

    /** The first date in the text, as an ISO-8601 date-time with +08:00; empty when there is none. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(Text.fold(text));
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime t = LocalTime.MIDNIGHT;
                if (m.group(5) != null) {
                    int hour = Integer.parseInt(m.group(5));
                    if ("下午".equals(m.group(4)) || "晚上".equals(m.group(4))) {
                        hour = hour < 12 ? hour + 12 : hour;
                    }
                    int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                    int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
                    t = LocalTime.of(hour, minute, second);
                }
                if (d.getYear() < 1990 || d.getYear() > 2100) {
                    continue;
                }
                return Optional.of(format(LocalDateTime.of(d, t)));
            } catch (DateTimeException | NumberFormatException e) {
                // not a real date (2026年13月…): look further
            }
        }
        return Optional.empty();
    }

    /** Epoch seconds (as aggregators store times) as an ISO-8601 date-time with +08:00. */
    public static String ofEpochSeconds(long seconds) {
        return format(LocalDateTime.ofEpochSecond(seconds, 0, CHINA));
    }

    private static String format(LocalDateTime t) {
        return t.atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
