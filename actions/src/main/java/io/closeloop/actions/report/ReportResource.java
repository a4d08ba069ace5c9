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
import java.util.List;
import java.util.Map;

/**
 * {@code /api/reports}: for managers (their team) and admins (everything). Each report is JSON
 * ({@code {"name", "columns", "items"}}) or, with {@code ?format=csv} or {@code Accept: text/csv},
 * a CSV download.
 * Every report takes the filters {@code team}, {@code rep} (ids), {@code agent} and {@code from}/{@code to}
 * (dates, UTC, to exclusive; default the last 90 days), always within the viewer's scope
 * ({@link ReportFilter}, {@link ReportScope}); CSV export honours them.
 */
@Path("/api/reports")
@Authenticated
public class ReportResource {

    static final List<String> REPORTS = List.of("decisions", "decided", "rejection-reasons", "guardrail-hits", "outcomes", "latency");
    static final List<String> FILTERS = List.of("team", "rep", "agent", "from", "to");

    private final ReportService reports;
    private final CurrentRep me;

    public ReportResource(ReportService reports, CurrentRep me) {
        this.reports = reports;
        this.me = me;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> index() {
        return Map.of("reports", REPORTS, "decisionGroups", ReportService.GROUPS.keySet(), "filters", FILTERS);
    }

    @GET
    @Path("/{report}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response report(@PathParam("report") String report, @QueryParam("by") @DefaultValue("agent") String by,
            @QueryParam("team") String team, @QueryParam("rep") String rep, @QueryParam("agent") String agent,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        ReportTable table = table(report, by, ReportFilter.parse(team, rep, agent, from, to));
        boolean csv = "csv".equalsIgnoreCase(format) || format == null && accept != null && accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON);
        if (csv) {
            return Response.ok(table.csv(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"").build();
        }
        return Response.ok(Map.of("name", table.name(), "columns", table.columns(), "items", table.items()),
                MediaType.APPLICATION_JSON).build();
    }

    private ReportTable table(String report, String by, ReportFilter filter) {
        var viewer = me.get();
        return switch (report) {
            case "decisions" -> reports.decisions(viewer, by, filter);
            case "decided" -> reports.decided(viewer, filter);
            case "rejection-reasons" -> reports.rejectionReasons(viewer, filter);
            case "guardrail-hits" -> reports.guardrailHits(viewer, filter);
            case "outcomes" -> reports.outcomes(viewer, filter);
            case "latency" -> reports.latency(viewer, filter);
            default -> throw ProblemException.notFound("Report", report);
        };
    }
}
