package io.closeloop.guardrails.rest;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.guardrails.catalogue.GuardrailRule;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.engine.GuardrailEngine;
import io.closeloop.guardrails.verdict.RuleHitCount;
import io.closeloop.guardrails.verdict.VerdictLog;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * {@code /api/guardrails}: the rule catalogue, a check of a draft for the calling rep (the
 * verdict with every fired rule), and rule-hit statistics for managers.
 */
@Path("/api/guardrails")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuardrailResource {

    private final GuardrailEngine engine;
    private final GuardrailService guardrails;
    private final VerdictLog verdicts;
    private final CurrentRep me;

    public GuardrailResource(GuardrailEngine engine, GuardrailService guardrails, VerdictLog verdicts, CurrentRep me) {
        this.engine = engine;
        this.guardrails = guardrails;
        this.verdicts = verdicts;
        this.me = me;
    }

    @GET
    @Path("/rules")
    public Collection<GuardrailRule> rules() {
        return engine.catalogue().rules();
    }

    @POST
    @Path("/check")
    public CheckResult check(DraftInput draft) {
        return guardrails.check(me.get(), draft, "check", null);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({ "MANAGER", "ADMIN" })
    public List<RuleHitCount> stats(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(366) int days) {
        return verdicts.hitsSince(Instant.now().minus(Duration.ofDays(days)));
    }
}
