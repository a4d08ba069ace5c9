package io.closeloop.agents.score;

import java.util.List;

/**
 * A deal's probability of being won, with the factors that moved it most (contribution to the
 * log-odds of WON, from the logistic regression's weights) and the interactions behind them.
 */
public record LeadScore(long dealId, double probabilityWon, List<Factor> factors, List<Long> interactionIds, int trainedOn) {
}
