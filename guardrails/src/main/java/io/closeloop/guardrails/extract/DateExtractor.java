package io.closeloop.guardrails.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in English text and resolves them against "today" with {@code java.time}:
 * absolute ("2026-03-03", "March 3, 2026", "3 March 2026", "03/15/2026", "March 3", "Q3 2026") and relative
 * ("tomorrow", "in 3 weeks", "within 10 days", "next Friday", "end of the month/quarter/year").
 * A date is a commitment when its sentence promises something ("we will", "by", "no later than").
 */
public final class DateExtractor {

    /** A date at [start, end) of the text and whether its sentence commits to it. */
    public record DateMention(LocalDate date, boolean commitment, String text, int start, int end) {
    }

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern US = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("\\bQ([1-4])\\s*(?:of\\s+)?(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(?:(tomorrow|today|tonight)|(?:in|within)\\s+(\\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s+(day|week|month|year)s?"
                    + "|next\\s+(week|month|quarter|year|monday|tuesday|wednesday|thursday|friday)"
                    + "|(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(week|month|quarter|year))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMITMENT = Pattern.compile(
            "\\b(?:we|i)(?:'ll|\\s+will|\\s+can|\\s+commit|\\s+promise|\\s+guarantee|\\s+are\\s+committed|\\s+shall)\\b"
                    + "|\\b(?:by|no later than|deadline|deliver(?:ed|y)?|go[- ]live|live by|ready by|guaranteed?|promised?|commit(?:ted|ment)?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter MONTH_NAME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_FULL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMMM").toFormatter(Locale.ENGLISH);

    private DateExtractor() {
    }

    public static List<DateMention> find(String text, LocalDate today) {
        List<DateMention> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        List<Sentences.Sentence> sentences = Sentences.of(text);
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(found, sentences, m, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = US.matcher(text);
        while (m.find()) {
            add(found, sentences, m, date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            add(found, sentences, m, named(m.group(1), m.group(2), m.group(3), today));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            add(found, sentences, m, named(m.group(2), m.group(1), m.group(3), today));
        }
        m = QUARTER.matcher(text);
        while (m.find()) {
            // "by Q3 2027" promises the quarter's last day at the latest
            LocalDate end = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)) * 3, 1);
            add(found, sentences, m, end.with(TemporalAdjusters.lastDayOfMonth()));
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            add(found, sentences, m, relative(m, today));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static void add(List<DateMention> found, List<Sentences.Sentence> sentences, Matcher m, LocalDate date) {
        if (date == null || found.stream().anyMatch(f -> m.start() < f.end() && f.start() < m.end())) {
            return;
        }
        boolean commitment = COMMITMENT.matcher(Sentences.at(sentences, m.start()).text()).find();
        found.add(new DateMention(date, commitment, m.group(), m.start(), m.end()));
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A month name with a day, and a year or else the next such day from today on. */
    private static LocalDate named(String monthName, String day, String year, LocalDate today) {
        Month month = month(monthName.replace(".", ""));
        if (month == null) {
            return null;
        }
        int d = Integer.parseInt(day);
        if (year != null) {
            return date(Integer.parseInt(year), month.getValue(), d);
        }
        try {
            LocalDate thisYear = MonthDay.of(month, d).atYear(today.getYear());
            return thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Month month(String name) {
        String n = name.equalsIgnoreCase("sept") ? "Sep" : name;
        for (DateTimeFormatter f : new DateTimeFormatter[] { MONTH_FULL, MONTH_NAME }) {
            try {
                return Month.from(f.parse(n));
            } catch (DateTimeParseException e) {
                // try the other form
            }
        }
        return null;
    }

    private static LocalDate relative(Matcher m, LocalDate today) {
        if (m.group(1) != null) {
            return m.group(1).equalsIgnoreCase("tomorrow") ? today.plusDays(1) : today;
        }
        if (m.group(2) != null) {
            int n = count(m.group(2));
            ChronoUnit unit = ChronoUnit.valueOf(m.group(3).toUpperCase(Locale.ROOT) + "S");
            return today.plus(n, unit);
        }
        if (m.group(4) != null) {
            String what = m.group(4).toLowerCase(Locale.ROOT);
            return switch (what) {
                case "week" -> today.plusWeeks(1);
                case "month" -> today.plusMonths(1).withDayOfMonth(1);
                case "quarter" -> today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1).plusMonths(3);
                case "year" -> today.plusYears(1).withDayOfYear(1);
                default -> today.with(TemporalAdjusters.next(DayOfWeek.valueOf(what.toUpperCase(Locale.ROOT))));
            };
        }
        String end = m.group(5).toLowerCase(Locale.ROOT);
        return switch (end) {
            case "week" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            case "month" -> today.with(TemporalAdjusters.lastDayOfMonth());
            case "quarter" -> today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 3).with(TemporalAdjusters.lastDayOfMonth());
            default -> today.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    private static int count(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "a", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "twelve" -> 12;
            default -> Integer.parseInt(word);
        };
    }
}
