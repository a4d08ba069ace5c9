package io.closeloop.router.report;

import io.closeloop.crm.access.CurrentRep;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/** {@code GET /api/reports/routing?from=&to=&teamId=}: share served without an LLM and the cost it saved. */
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
    public RoutingReport report(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("teamId") Long teamId) {
        return reports.report(currentRep.get(), from, to, teamId);
    }
}
