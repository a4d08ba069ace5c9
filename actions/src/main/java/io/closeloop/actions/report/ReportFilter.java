package io.closeloop.actions.report;

import io.closeloop.kernel.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The filters every manager report accepts: {@code team} and {@code rep} (ids), {@code agent}
 * (name) and the period {@code from}..{@code to} (UTC dates, {@code to} exclusive; default the last
 * 90 days). Filters narrow what the viewer may see ({@link ReportScope#check}); they never widen it.
 *
 * @param team  a team id, or null for the viewer's whole scope
 * @param rep   a rep id (the actions they own, the requests they made), or null
 * @param agent an agent name, or null
 */
public record ReportFilter(Long team, Long rep, String agent, Instant from, Instant to) {

    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Parses the query parameters; a bad value is a 400 problem naming its field. */
    public static ReportFilter parse(String team, String rep, String agent, String from, String to) {
        Instant end = date("to", to, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        Instant start = date("from", from, LocalDate.now(ZoneOffset.UTC).minusDays(90));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before 'to'");
        }
        return new ReportFilter(id("team", team), id("rep", rep), agent(agent), start, end);
    }

    /** A positive id, null when absent, or a 400 problem naming the field. */
    public static Long id(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a positive whole number (an id)");
    }

    /** An agent name, null when absent, or a 400 problem naming {@code agent}. */
    public static String agent(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!AGENT.matcher(text.strip()).matches()) {
            throw ProblemException.invalidField("agent", "must be an agent name: 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        return text.strip();
    }

    private static Instant date(String field, String text, LocalDate fallback) {
        try {
            return (text == null || text.isBlank() ? fallback : LocalDate.parse(text.strip())).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date (yyyy-mm-dd)");
        }
    }
}
