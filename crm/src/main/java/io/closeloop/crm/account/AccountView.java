package io.closeloop.crm.account;

import io.closeloop.crm.rep.RepSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An account as the API shows it. {@code version} must be sent back with every update. */
public record AccountView(Long id, String externalId, String name, String domain, String industry,
        AccountTier tier, BigDecimal annualRevenue, RepSummary owner, List<Long> sharedWithTeamIds,
        Instant createdAt, Instant updatedAt, int version) {

    public static AccountView of(Account a) {
        return new AccountView(a.id, a.externalId, a.name, a.domain, a.industry, a.tier, a.annualRevenue,
                RepSummary.of(a.owner), a.sharedWith.stream().map(t -> t.id).sorted().toList(),
                a.createdAt, a.updatedAt, a.version);
    }
}
