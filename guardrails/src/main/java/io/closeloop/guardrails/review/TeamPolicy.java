package io.closeloop.guardrails.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The thresholds of the rep's team (configuration per team, with defaults) and the day the
 * check runs on, so that date rules are reproducible.
 *
 * @param maxDiscountPct      largest discount any draft may offer when no product is named
 * @param maxCommitmentDays   how far ahead a draft may commit to a date without approval
 * @param amountChangePct     relative deal-amount change that needs approval
 * @param allowedLinkDomains  domains links may point to (sub-domains included)
 */
public record TeamPolicy(String team, BigDecimal maxDiscountPct, int maxCommitmentDays, BigDecimal amountChangePct,
        Set<String> allowedLinkDomains, LocalDate today) {

    public TeamPolicy {
        allowedLinkDomains = Set.copyOf(allowedLinkDomains);
    }

    public LocalDate commitmentHorizon() {
        return today.plusDays(maxCommitmentDays);
    }

    /** True when the domain or one of its parents is on the allow-list. */
    public boolean allowsLink(String domain) {
        if (domain == null) {
            return false;
        }
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (allowedLinkDomains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }
}
