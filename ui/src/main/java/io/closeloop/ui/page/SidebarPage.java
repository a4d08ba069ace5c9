package io.closeloop.ui.page;

import io.closeloop.ui.security.HostOrigins;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The compact page a CRM embeds in an iframe on a record page. The host names the record with
 * {@code postMessage} (see ui/README.md, "Sidebar protocol"); {@code ?account=} sets the first one.
 */
@Path("/sidebar")
@Authenticated
public class SidebarPage {

    private final PageFrames frames;
    private final HostOrigins hosts;

    public SidebarPage(PageFrames frames, HostOrigins hosts) {
        this.frames = frames;
        this.hosts = hosts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sidebar(PageFrame frame, String hostOrigins, Long account);

        static native TemplateInstance embed(PageFrame frame, String hostOrigins);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sidebar(@QueryParam("account") Long account) {
        return Templates.sidebar(frames.current(), hosts.asText(), account);
    }

    /** The embed snippet and the guide for Salesforce, HubSpot and Dynamics hosts. */
    @GET
    @Path("embed")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance embed() {
        return Templates.embed(frames.current(), hosts.asText());
    }
}
