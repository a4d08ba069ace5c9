package io.closeloop.agents.small;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date a rep writes in a chat message, relative to today: ISO dates ("2026-12-15"),
 * month and day ("Dec 15", "15 December"), "today", "tomorrow", "yesterday", "in 3 days",
 * "in 2 weeks", "2 days ago", "next Friday", "on Monday", "last Tuesday", "next week",
 * "end of month", "end of quarter". The first date found wins; no date is a valid answer.
 */
public final class DateExtractor {

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b");
    private static final Pattern IN_N = Pattern.compile("\\bin (\\d{1,3}) (day|days|week|weeks|month|months)\\b");
    private static final Pattern AGO = Pattern.compile("\\b(\\d{1,3}) (day|days|week|weeks) ago\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(next|on|last|this)? ?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private DateExtractor() {
    }

    public static Optional<LocalDate> find(String message, LocalDate today) {
        String text = message.toLowerCase(Locale.ROOT);
        Matcher m = ISO.matcher(text);
        if (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(1)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        m = MONTH_DAY.matcher(text);
        if (m.find()) {
            String month = m.group(1) != null ? m.group(1) : m.group(4);
            String day = m.group(2) != null ? m.group(2) : m.group(3);
            try {
                MonthDay md = MonthDay.of(MONTHS.indexOf(month.substring(0, 3)) + 1, Integer.parseInt(day));
                LocalDate date = md.atYear(today.getYear());
                return Optional.of(date.isBefore(today.minusMonths(6)) ? date.plusYears(1) : date);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (text.contains("today") || text.contains("this morning") || text.contains("this afternoon")) {
            return Optional.of(today);
        }
        if (text.contains("tomorrow")) {
            return Optional.of(today.plusDays(1));
        }
        if (text.contains("yesterday")) {
            return Optional.of(today.minusDays(1));
        }
        m = IN_N.matcher(text);
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(m.group(2).startsWith("day") ? today.plusDays(n) : m.group(2).startsWith("week") ? today.plusWeeks(n) : today.plusMonths(n));
        }
        m = AGO.matcher(text);
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(m.group(2).startsWith("day") ? today.minusDays(n) : today.minusWeeks(n));
        }
        m = WEEKDAY.matcher(text);
        if (m.find()) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            return Optional.of("last".equals(m.group(1)) ? today.with(TemporalAdjusters.previous(day)) : today.with(TemporalAdjusters.next(day)));
        }
        if (text.contains("next week")) {
            return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        }
        if (text.contains("end of month") || text.contains("end of the month")) {
            return Optional.of(today.with(TemporalAdjusters.lastDayOfMonth()));
        }
        if (text.contains("end of quarter") || text.contains("end of the quarter")) {
            int lastMonth = ((today.getMonthValue() - 1) / 3 + 1) * 3;
            return Optional.of(today.withMonth(lastMonth).with(TemporalAdjusters.lastDayOfMonth()));
        }
        return Optional.empty();
    }
}
