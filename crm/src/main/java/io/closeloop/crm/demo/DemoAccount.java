package io.closeloop.crm.demo;

import io.closeloop.crm.account.AccountTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A demo account; {@code owner} is a username, {@code sharedWithTeams} team names. */
public record DemoAccount(String externalId, String name, String domain, String country, String industry,
        AccountTier tier, BigDecimal annualRevenue, String owner, List<String> sharedWithTeams, Instant createdAt) {

    public DemoAccount {
        sharedWithTeams = List.copyOf(sharedWithTeams);
    }
}
