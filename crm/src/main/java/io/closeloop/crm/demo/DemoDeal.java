package io.closeloop.crm.demo;

import io.closeloop.crm.deal.DealStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A demo deal with its whole stage history (first entry: created at PROSPECTING). The owner is
 * the author of every change. Closed deals have the day they closed as {@code closeDate}, open
 * ones the day they are expected to close.
 */
public record DemoDeal(String externalId, String accountId, String name, String owner, BigDecimal amount,
        String currency, LocalDate closeDate, List<DemoStageChange> history) {

    public DemoDeal {
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a deal has at least its creation in the history");
        }
    }

    public DealStage stage() {
        return history.get(history.size() - 1).to();
    }

    public Instant createdAt() {
        return history.get(0).at();
    }
}
