package io.closeloop.crm.deal;

import io.closeloop.crm.rep.RepSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal as the API shows it; the stage history is included on single reads. */
public record DealView(Long id, String externalId, Long accountId, String name, DealStage stage,
        BigDecimal amount, String currency, LocalDate closeDate, RepSummary owner, Instant updatedAt, int version,
        List<StageChange> history) {

    /** One row of the stage history. */
    public record StageChange(DealStage from, DealStage to, Instant at, RepSummary by, StageChangeSource source) {
    }

    public static DealView of(Deal d) {
        return new DealView(d.id, d.externalId, d.account.id, d.name, d.stage, d.amount, d.currency, d.closeDate,
                RepSummary.of(d.owner), d.updatedAt, d.version, null);
    }

    public static DealView withHistory(Deal d) {
        List<StageChange> history = DealStageHistory.of(d).stream()
                .map(h -> new StageChange(h.fromStage, h.toStage, h.changedAt, RepSummary.of(h.changedBy), h.source))
                .toList();
        return new DealView(d.id, d.externalId, d.account.id, d.name, d.stage, d.amount, d.currency, d.closeDate,
                RepSummary.of(d.owner), d.updatedAt, d.version, history);
    }
}
