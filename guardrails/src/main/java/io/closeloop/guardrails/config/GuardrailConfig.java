package io.closeloop.guardrails.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guardrail thresholds and word lists. The thresholds are defaults for every team; a team
 * overrides any of them under {@code closeloop.guardrails.team."<team name>".*}.
 */
@ConfigMapping(prefix = "closeloop.guardrails")
public interface GuardrailConfig {

    /** Largest discount (percent) a draft may offer when it names no product. */
    @WithDefault("30")
    BigDecimal maxDiscountPct();

    /** How many days ahead a draft may commit to a date without the manager's approval. */
    @WithDefault("90")
    int maxCommitmentDays();

    /** Relative change of a deal amount (percent) above which the manager approves. */
    @WithDefault("20")
    BigDecimal amountChangePct();

    /** Domains links may point to, besides the account's own domain (sub-domains included). */
    @WithDefault("closeloop.io")
    List<String> allowedLinkDomains();

    /** Competitors' names: disparaging them next to a negative word is repaired. */
    @WithDefault("Salesforce,HubSpot,Pipedrive,Zoho,Freshsales,Copper")
    List<String> competitors();

    /** The company's brand names: a capitalised name starting with one is taken for a product name. */
    @WithDefault("Closeloop")
    List<String> brandNames();

    /** Jaro-Winkler similarity (0..1) at or above which a name in the text is a catalogue product. */
    @WithDefault("0.9")
    double productMatchThreshold();

    /** Overrides per team, keyed by the team's name. */
    @WithName("team")
    Map<String, TeamOverrides> teams();

    /** Thresholds a team sets differently from the defaults. */
    interface TeamOverrides {

        Optional<BigDecimal> maxDiscountPct();

        Optional<Integer> maxCommitmentDays();

        Optional<BigDecimal> amountChangePct();

        /** Extra link domains for this team, added to the default list. */
        Optional<List<String>> allowedLinkDomains();
    }
}
