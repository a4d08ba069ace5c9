package io.closeloop.agents.score;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the churn model knows about an account at a cutoff, read only from interactions and deals
 * before it (for a closed renewal the cutoff is {@value #HORIZON_DAYS} days before its close date,
 * so nothing that happened around the decision leaks in; for a live score it is now): days since
 * the customer last wrote or called us, the inbound volume of the last 30 days and its trend against
 * the 60 days before, how many messages in the last {@value #MENTION_DAYS} days mention each
 * {@link ChurnSignal}, and how many (non-renewal) deals the account had won before the cutoff (by
 * the stage history). Counts enter the model
 * as log(1 + count); the interactions behind each factor are kept as evidence.
 *
 * @param label CLOSED_WON (renewed) or CLOSED_LOST (churned) for training rows, null when scoring
 */
record ChurnFeatures(long accountId, Long renewalDealId, String label, Instant cutoff, Double daysSinceInbound, Long lastInboundId, int inbound30,
        int inbound31to90, Map<ChurnSignal, List<Long>> mentions, int wonDeals) {

    static final int HORIZON_DAYS = 14;
    static final int MENTION_DAYS = 180;
    /** Days since the last inbound message are capped here (and "never" counts as this). */
    static final int MAX_SILENCE_DAYS = 365;

    static final String DAYS_SINCE_INBOUND = "days_since_inbound";
    static final String INBOUND_30D = "inbound_30d";
    static final String INBOUND_TREND = "inbound_trend";
    static final String WON_DEALS = "won_deals";

    ChurnFeatures {
        mentions = new EnumMap<>(mentions);
    }

    double silence() {
        return daysSinceInbound == null ? MAX_SILENCE_DAYS : Math.min(MAX_SILENCE_DAYS, daysSinceInbound);
    }

    String[] names() {
        return features().stream().map(F::name).toArray(String[]::new);
    }

    double[] values() {
        return features().stream().mapToDouble(F::value).toArray();
    }

    private record F(String name, double value) {
    }

    private List<F> features() {
        List<F> out = new ArrayList<>();
        out.add(new F(DAYS_SINCE_INBOUND, Math.log1p(silence())));
        out.add(new F(INBOUND_30D, Math.log1p(inbound30)));
        out.add(new F(INBOUND_TREND, Math.log1p(inbound30) - Math.log1p(inbound31to90 / 2.0)));
        for (ChurnSignal s : ChurnSignal.values()) {
            out.add(new F(s.feature(), Math.log1p(mentions.getOrDefault(s, List.of()).size())));
        }
        out.add(new F(WON_DEALS, Math.log1p(wonDeals)));
        return out;
    }
}
