package io.closeloop.agents.score;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.grounding.VisibleRecords;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.deal.Deal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "What's the score of the Acme renewal and why?": the deal in context (or, without one, the
 * rep's open deals ranked by score) with the probability of winning, the factors that moved it and
 * the interactions behind the activity factors, linked.
 */
@ApplicationScoped
public class LeadScoreAgent implements Agent {

    private static final int RANKED = 5;

    private final LeadScoring scoring;
    private final AccountScope scope;
    private final VisibleRecords records;

    public LeadScoreAgent(LeadScoring scoring, AccountScope scope, VisibleRecords records) {
        this.scoring = scoring;
        this.scope = scope;
        this.records = records;
    }

    @Override
    public String name() {
        return "lead-score";
    }

    @Override
    public Set<String> intents() {
        return Set.of("lead_score");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        List<Deal> deals;
        if (request.dealId() != null) {
            deals = List.of(records.deal(request.rep(), request.dealId()));
        } else {
            AccountScope.Condition visible = scope.visibleTo(request.rep(), "d.account");
            Map<String, Object> params = new HashMap<>(visible.params());
            String account = request.accountId() == null ? "" : " and d.account.id = :account";
            if (request.accountId() != null) {
                scope.require(request.rep(), request.accountId());
                params.put("account", request.accountId());
            }
            deals = Deal.<Deal>find("from Deal d where " + visible.jpql() + account + " and d.stage not in ('CLOSED_WON', 'CLOSED_LOST') order by d.id",
                    params).list();
        }
        Map<Long, Deal> byId = deals.stream().collect(Collectors.toMap(d -> d.id, d -> d));
        Optional<List<LeadScore>> scores = scoring.score(deals.stream().map(d -> d.id).toList());
        if (scores.isEmpty()) {
            return AgentAnswer.small(name(), "There are not yet enough won and lost deals in the CRM to learn a lead score from.", List.of(), List.of());
        }
        List<LeadScore> ranked = scores.get().stream().sorted((a, b) -> Double.compare(b.probabilityWon(), a.probabilityWon())).limit(RANKED).toList();
        if (ranked.isEmpty()) {
            return AgentAnswer.small(name(), "You have no open deals to score.", List.of(), List.of());
        }
        StringBuilder text = new StringBuilder();
        for (LeadScore s : ranked) {
            Deal d = byId.get(s.dealId());
            text.append(d.name).append(" (").append(d.account.name).append("): ").append(Math.round(100 * s.probabilityWon()))
                    .append("% likely to be won.\n  Factors: ")
                    .append(s.factors().stream().map(f -> describe(f)).collect(Collectors.joining("; ")))
                    .append('\n');
        }
        text.append("Model: logistic regression trained on ").append(ranked.get(0).trainedOn()).append(" closed deals; a factor's number is its"
                + " contribution to the log-odds of winning.");
        List<Citation> citations = InteractionCitations.of(ranked.stream().flatMap(s -> s.interactionIds().stream()).toList());
        return AgentAnswer.small(name(), text.toString().strip(), citations, List.of());
    }

    private static String describe(Factor f) {
        String sign = f.contribution() >= 0 ? "+" : "−";
        String value = f.feature().contains("=") ? f.feature() : f.feature() + " " + String.format(Locale.ROOT, "%.2f", f.value());
        return value + " (" + sign + String.format(Locale.ROOT, "%.2f", Math.abs(f.contribution())) + ")";
    }
}
