package io.closeloop.router.report;

import io.closeloop.actions.report.ReportFilter;
import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/reports/routing?from=&to=&team=&rep=&agent=}: share served without an LLM, the cost it
 * saved, and what the LLM actually cost. {@code from}/{@code to} are UTC days, both included;
 * {@code teamId} is the older name of {@code team}. Bad values are 400 problems naming the field.
 */
@Path("/api/reports/routing")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoutingReportResource {

    private final RoutingReportService reports;
    private final CurrentRep currentRep;

    public RoutingReportResource(RoutingReportService reports, CurrentRep currentRep) {
        this.reports = reports;
        this.currentRep = currentRep;
    }

    @GET
    public RoutingReport report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("team") String team,
            @QueryParam("teamId") String teamId, @QueryParam("rep") String rep, @QueryParam("agent") String agent) {
        Long teamFilter = ReportFilter.id(team != null && !team.isBlank() ? "team" : "teamId", team != null && !team.isBlank() ? team : teamId);
        return reports.report(currentRep.get(), date("from", from), date("to", to), teamFilter, ReportFilter.id("rep", rep),
                ReportFilter.agent(agent));
    }

    private static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date (yyyy-mm-dd)");
        }
    }
}
