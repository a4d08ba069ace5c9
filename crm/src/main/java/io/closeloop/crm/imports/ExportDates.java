package io.closeloop.crm.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as CRM exports write them: ISO ("2025-03-15", "2025-03-15 14:30", "2025-03-15T14:30:00Z"),
 * slashes in the {@link DateOrder} of the upload ("3/15/2025" or "15/03/2025"), European dots and
 * dashes ("15.03.2025", "15-03-2025"), and English month names ("Mar 15, 2025", "15 March 2025",
 * "15-Mar-2025"). A time after the date is ignored (timestamps with an offset are taken in UTC).
 */
public final class ExportDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern MONTH_FIRST = Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?[ -](\\d{4})");
    private static final Pattern TIME_SUFFIX = Pattern.compile("[ T]\\d{1,2}:\\d{2}.*$");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month month : Month.values()) {
            MONTHS.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
            MONTHS.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    private ExportDates() {
    }

    /** Parses the text; the message of the exception is the reason to show the user. */
    public static LocalDate parse(String raw, DateOrder order) {
        String text = raw.strip();
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*([Zz]|[+-]\\d{2}:?\\d{2})")) {
                return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            }
            String date = TIME_SUFFIX.matcher(text).replaceFirst("");
            Matcher m;
            if ((m = ISO.matcher(date)).matches()) {
                return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            }
            if ((m = NUMERIC.matcher(date)).matches()) {
                boolean dayFirst = !m.group(2).equals("/") || order == DateOrder.DMY;
                int first = number(m, 1);
                int second = number(m, 3);
                if (!dayFirst && first > 12) {
                    throw new IllegalArgumentException("'" + text + "' is not a month-first date; send ?dates=DMY for day-first dates");
                }
                return dayFirst ? LocalDate.of(number(m, 4), second, first) : LocalDate.of(number(m, 4), first, second);
            }
            if ((m = MONTH_FIRST.matcher(date)).matches()) {
                return LocalDate.of(number(m, 3), month(m.group(1), text), number(m, 2));
            }
            if ((m = DAY_FIRST.matcher(date)).matches()) {
                return LocalDate.of(number(m, 3), month(m.group(2), text), number(m, 1));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date (use YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)");
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Month month(String name, String text) {
        Month month = MONTHS.get(name.toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new IllegalArgumentException("'" + text + "' is not a date: unknown month '" + name + "'");
        }
        return month;
    }
}
