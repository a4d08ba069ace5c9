package io.closeloop.agents.score;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lead-score model knows about a deal, all known within its first 30 days: the account's
 * tier and industry, the deal's size (log10 of the amount), whether the account had already bought
 * (expansion), and how much the customer talked with us in those 30 days (inbound and outbound
 * interactions, meetings; log(1 + count)). The interactions counted are kept as evidence.
 */
record DealFeatures(long dealId, String stage, String tier, String industry, double amount, boolean expansion, int inbound, int outbound,
        int meetings, List<Long> interactionIds) {

    String[] names() {
        return features().stream().map(f -> f.name).toArray(String[]::new);
    }

    double[] values() {
        return features().stream().mapToDouble(f -> f.value).toArray();
    }

    private record F(String name, double value) {
    }

    private List<F> features() {
        List<F> out = new ArrayList<>();
        out.add(new F("tier=" + (tier == null ? "UNKNOWN" : tier), 1));
        out.add(new F("industry=" + (industry == null ? "UNKNOWN" : industry), 1));
        out.add(new F("log10_amount", Math.log10(1 + Math.max(0, amount))));
        out.add(new F("expansion", expansion ? 1 : 0));
        out.add(new F("inbound_30d", Math.log1p(inbound)));
        out.add(new F("outbound_30d", Math.log1p(outbound)));
        out.add(new F("meetings_30d", Math.log1p(meetings)));
        return out;
    }
}
