package io.closeloop.ui.page;

import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepSummary;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Manager reports: charts, filters, per-rep table, CSV export and drill-down to one action. A
 * manager's rep filter offers only their team; the figures come from {@code /api/reports}, which
 * applies the same scope on the server.
 */
@Path("/reports")
@Authenticated
public class ReportsPage {

    private final PageFrames frames;

    public ReportsPage(PageFrames frames) {
        this.frames = frames;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(PageFrame frame, List<RepSummary> reps, List<TeamOption> teams);

        static native TemplateInstance action(PageFrame frame, long actionId);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance reports() {
        PageFrame frame = managerFrame();
        return Templates.reports(frame, teamOf(frame.rep()), teamsOf(frame.rep()));
    }

    @GET
    @Path("actions/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance action(@PathParam("id") long id) {
        return Templates.action(managerFrame(), id);
    }

    private PageFrame managerFrame() {
        PageFrame frame = frames.current();
        if (!frame.manager()) {
            throw ProblemException.forbidden("Reports are for managers; ask your manager for access");
        }
        return frame;
    }

    /** A team the filter offers. */
    public record TeamOption(Long id, String name) {
    }

    /** The teams the team filter offers: every team for an admin, the manager's own otherwise. */
    static List<TeamOption> teamsOf(Rep manager) {
        List<Team> teams = "ADMIN".equals(manager.role) ? Team.list("order by name")
                : manager.team == null ? List.of() : List.of(manager.team);
        return teams.stream().map(t -> new TeamOption(t.id, t.name)).toList();
    }

    static List<RepSummary> teamOf(Rep manager) {
        List<Rep> reps = "ADMIN".equals(manager.role) ? Rep.list("active = true order by fullName")
                : manager.team == null ? List.of(manager)
                        : Rep.list("team = ?1 and active = true order by fullName", manager.team);
        return reps.stream().map(RepSummary::of).toList();
    }
}
