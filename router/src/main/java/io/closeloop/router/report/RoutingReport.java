package io.closeloop.router.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How requests were served in a period (UTC days, both ends included) for a scope (a team, or
 * everything): the share answered without an LLM overall, per intent and per day, and the LLM
 * cost that saved, estimated as requests served without an LLM x tokens per LLM answer x price; and
 * the LLM's actual spend, overall and per ISO week and agent role.
 *
 * @param tokensPerLlmAnswer measured mean of the period's LLM answers, or the configured estimate
 *                           when none was measured ({@code tokensMeasured} says which)
 */
public record RoutingReport(String scope, LocalDate from, LocalDate to, Share total, List<IntentShare> perIntent, List<DayShare> perDay,
        long tokensPerLlmAnswer, boolean tokensMeasured, BigDecimal pricePerMillionTokens, long estimatedTokensSaved,
        BigDecimal estimatedCostSaved, LlmSpend llm, List<LlmSpendRow> llmPerWeekAndRole) {

    /**
     * What the LLM actually cost ({@code llm_call}, each HTTP call a row, cost at the configured prices
     * when the call was made): calls, failed calls, tokens in and out, and cost.
     */
    public record LlmSpend(long calls, long failedCalls, long tokensIn, long tokensOut, BigDecimal cost) {
    }

    /** The LLM spend of one ISO week ({@code 2026-W47}) and agent role ({@code draft-email}). */
    public record LlmSpendRow(String week, String role, LlmSpend spend) {
    }

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
