package io.closeloop.guardrails.config;

import io.closeloop.guardrails.review.TeamPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The policy of a team: the configured defaults with the team's overrides applied. */
@ApplicationScoped
public class TeamPolicies {

    private final GuardrailConfig config;

    public TeamPolicies(GuardrailConfig config) {
        this.config = config;
    }

    /**
     * @param team          the team's name, or null for a rep without a team
     * @param accountDomain the account's own domain, always allowed for links (may be null)
     */
    public TeamPolicy forTeam(String team, String accountDomain, LocalDate today) {
        Optional<GuardrailConfig.TeamOverrides> overrides = Optional.ofNullable(team).map(config.teams()::get);
        Set<String> domains = new HashSet<>();
        config.allowedLinkDomains().forEach(d -> domains.add(d.toLowerCase(Locale.ROOT)));
        overrides.flatMap(GuardrailConfig.TeamOverrides::allowedLinkDomains)
                .ifPresent(list -> list.forEach(d -> domains.add(d.toLowerCase(Locale.ROOT))));
        if (accountDomain != null) {
            domains.add(accountDomain.toLowerCase(Locale.ROOT));
        }
        return new TeamPolicy(team,
                overrides.flatMap(GuardrailConfig.TeamOverrides::maxDiscountPct).orElse(config.maxDiscountPct()),
                overrides.flatMap(GuardrailConfig.TeamOverrides::maxCommitmentDays).orElse(config.maxCommitmentDays()),
                overrides.flatMap(GuardrailConfig.TeamOverrides::amountChangePct).orElse(config.amountChangePct()),
                domains, today);
    }
}
