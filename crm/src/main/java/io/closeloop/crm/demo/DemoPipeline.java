package io.closeloop.crm.demo;

import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.deal.DealStage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a demo deal moves through the pipeline. Given whether it will be won and how promising it
 * is, it walks the open stages in order, changing stage on weekdays during office hours: won deals move faster, large accounts
 * slower, and a lost deal drops out at a stage that is later the more promising it was. Whatever
 * would happen after the horizon has not happened yet: the deal is still open.
 */
final class DemoPipeline {

    private static final DealStage[] OPEN = { DealStage.PROSPECTING, DealStage.QUALIFICATION,
            DealStage.NEEDS_ANALYSIS, DealStage.PROPOSAL, DealStage.NEGOTIATION };
    /** Mean days spent in each open stage at tier pace 1 (SMB deals move twice as fast). */
    private static final double[] MEAN_DAYS = { 10, 14, 20, 18, 14 };
    /** Where lost deals drop out, before adjusting for how promising they were. */
    private static final double[] LOSS_AT = { 0.30, 0.25, 0.20, 0.15, 0.10 };

    /** The simulated history and the deal's close date (actual when closed, expected when open). */
    record Run(List<DemoStageChange> history, LocalDate closeDate) {
    }

    private DemoPipeline() {
    }

    static Run simulate(Dice dice, Instant created, Instant horizon, AccountTier tier, boolean won, double promise) {
        int last = won ? OPEN.length - 1 : lossStage(dice, promise);
        boolean skipNeedsAnalysis = tier == AccountTier.SMB && last > 2 && dice.chance(0.3);
        double pace = tierPace(tier) * (won ? 0.75 : 1.25) * Math.exp(dice.gaussian(0, 0.35));

        List<DemoStageChange> history = new ArrayList<>();
        history.add(new DemoStageChange(null, DealStage.PROSPECTING, created));
        Instant at = created;
        DealStage current = DealStage.PROSPECTING;
        for (int i = 1; i <= last + 1; i++) {
            if (i == 2 && skipNeedsAnalysis) {
                continue;
            }
            boolean closing = i == last + 1;
            double stall = closing && !won ? 1.5 : 1.0;
            at = afterBusinessDays(dice, at, days(dice, MEAN_DAYS[current.ordinal()] * pace * stall));
            if (!at.isBefore(horizon)) {
                return new Run(history, expectedClose(dice, created, horizon, tier));
            }
            DealStage next = closing ? (won ? DealStage.CLOSED_WON : DealStage.CLOSED_LOST) : OPEN[i];
            history.add(new DemoStageChange(current, next, at));
            current = next;
        }
        return new Run(history, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static int lossStage(Dice dice, double promise) {
        double bounded = Math.max(-3, Math.min(3, promise));
        double[] weights = new double[LOSS_AT.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = LOSS_AT[i] * Math.exp(0.3 * i * bounded);
        }
        return dice.weighted(weights);
    }

    static double tierPace(AccountTier tier) {
        return switch (tier) {
            case SMB -> 0.5;
            case MID_MARKET -> 0.8;
            case ENTERPRISE -> 1.3;
            case STRATEGIC -> 1.8;
        };
    }

    private static int days(Dice dice, double mean) {
        return Math.max(1, (int) Math.round(mean * Math.exp(dice.gaussian(0, 0.3))));
    }

    /** What the owner expects: a typical cycle from creation, pushed out when that day has passed. */
    private static LocalDate expectedClose(Dice dice, Instant created, Instant horizon, AccountTier tier) {
        LocalDate today = LocalDate.ofInstant(horizon, ZoneOffset.UTC);
        LocalDate planned = LocalDate.ofInstant(created, ZoneOffset.UTC)
                .plusDays(Math.round(75 * tierPace(tier) * dice.uniform(0.7, 1.4)));
        return planned.isAfter(today) ? planned : today.plusDays(dice.between(7, 45));
    }

    /** A time during office hours (08:00–18:00 UTC) on the first weekday at least {@code days} after {@code from}. */
    static Instant afterBusinessDays(Dice dice, Instant from, int days) {
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC).plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return officeHours(dice, day);
    }

    static Instant officeHours(Dice dice, LocalDate day) {
        return ZonedDateTime.of(day.atTime(8, 0), ZoneOffset.UTC).toInstant().plusSeconds(dice.between(0, 10 * 3600 - 1));
    }
}
