package io.closeloop.crm.demo;

import io.closeloop.crm.deal.DealStage;
import java.time.Instant;

/** One entry of a demo deal's stage history; {@code from} is null for the creation. */
public record DemoStageChange(DealStage from, DealStage to, Instant at) {
}
