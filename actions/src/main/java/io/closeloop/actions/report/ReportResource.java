package io.closeloop.actions.report;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/reports}: for managers (their team) and admins (everything). Each report is JSON
 * ({@code {"name", "columns", "items"}}) or, with {@code ?format=csv} or {@code Accept: text/csv},
 * a CSV download.
 * {@code from}/{@code to} are dates (UTC, to exclusive); the default is the last 90 days.
 */
@Path("/api/reports")
@Authenticated
public class ReportResource {

    static final List<String> REPORTS = List.of("decisions", "rejection-reasons", "guardrail-hits", "outcomes", "latency");

    private final ReportService reports;
    private final CurrentRep me;

    public ReportResource(ReportService reports, CurrentRep me) {
        this.reports = reports;
        this.me = me;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> index() {
        return Map.of("reports", REPORTS, "decisionGroups", ReportService.GROUPS.keySet());
    }

    @GET
    @Path("/{report}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response report(@PathParam("report") String report, @QueryParam("by") @DefaultValue("agent") String by,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        ReportTable table = table(report, by, from, to);
        boolean csv = "csv".equalsIgnoreCase(format) || format == null && accept != null && accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON);
        if (csv) {
            return Response.ok(table.csv(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"").build();
        }
        return Response.ok(Map.of("name", table.name(), "columns", table.columns(), "items", table.items()),
                MediaType.APPLICATION_JSON).build();
    }

    private ReportTable table(String report, String by, String fromText, String toText) {
        Instant to = date("to", toText, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        Instant from = date("from", fromText, LocalDate.now(ZoneOffset.UTC).minusDays(90));
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before 'to'");
        }
        var viewer = me.get();
        return switch (report) {
            case "decisions" -> reports.decisions(viewer, by, from, to);
            case "rejection-reasons" -> reports.rejectionReasons(viewer, from, to);
            case "guardrail-hits" -> reports.guardrailHits(viewer, from, to);
            case "outcomes" -> reports.outcomes(viewer, from, to);
            case "latency" -> reports.latency(viewer, from, to);
            default -> throw ProblemException.notFound("Report", report);
        };
    }

    private static Instant date(String field, String text, LocalDate fallback) {
        try {
            return (text == null || text.isBlank() ? fallback : LocalDate.parse(text)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date (yyyy-mm-dd)");
        }
    }
}
