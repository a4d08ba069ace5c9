package io.closeloop.router.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How requests were served in a period (UTC days, both ends included) for a scope (a team, or
 * everything): the share answered without an LLM overall, per intent and per day, and the LLM
 * cost that saved, estimated as requests served without an LLM x tokens per LLM answer x price.
 *
 * @param tokensPerLlmAnswer measured mean of the period's LLM answers, or the configured estimate
 *                           when none was measured ({@code tokensMeasured} says which)
 */
public record RoutingReport(String scope, LocalDate from, LocalDate to, Share total, List<IntentShare> perIntent, List<DayShare> perDay,
        long tokensPerLlmAnswer, boolean tokensMeasured, BigDecimal pricePerMillionTokens, long estimatedTokensSaved,
        BigDecimal estimatedCostSaved) {

    /** Answered requests, those answered without an LLM, and their share (0 when none). */
    public record Share(long requests, long withoutLlm, double shareWithoutLlm) {

        static Share of(long requests, long withoutLlm) {
            return new Share(requests, withoutLlm, requests == 0 ? 0 : (double) withoutLlm / requests);
        }
    }

    public record IntentShare(String intent, Share share) {
    }

    public record DayShare(LocalDate day, Share share) {
    }
}
