package io.closeloop.agents.score;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.grounding.VisibleRecords;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Is Acme at risk of churning?": the account in context (or the deal's account), or without one
 * the rep's accounts ranked by risk, with the probability of churning at renewal, the top factors in
 * plain words and, for each, the interactions behind it, linked. Only accounts the rep may see are
 * scored; another rep's account is "not found", as everywhere.
 */
@ApplicationScoped
public class ChurnRiskAgent implements Agent {

    private static final int RANKED = 5;

    private final ChurnScoring scoring;
    private final AccountScope scope;
    private final VisibleRecords records;

    public ChurnRiskAgent(ChurnScoring scoring, AccountScope scope, VisibleRecords records) {
        this.scoring = scoring;
        this.scope = scope;
        this.records = records;
    }

    @Override
    public String name() {
        return "churn-risk";
    }

    @Override
    public Set<String> intents() {
        return Set.of("churn_risk");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        List<Account> accounts;
        if (request.accountId() != null) {
            accounts = List.of(scope.require(request.rep(), request.accountId()));
        } else if (request.dealId() != null) {
            accounts = List.of(records.deal(request.rep(), request.dealId()).account);
        } else {
            AccountScope.Condition visible = scope.visibleTo(request.rep(), "a");
            accounts = Account.<Account>find("from Account a where " + visible.jpql() + " order by a.id", visible.params()).list();
        }
        Map<Long, Account> byId = accounts.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        Optional<List<ChurnRisk>> risks = scoring.score(accounts.stream().map(a -> a.id).toList());
        if (risks.isEmpty()) {
            return AgentAnswer.small(name(), "There are not yet enough won and lost renewals in the CRM to learn a churn risk from.", List.of(),
                    List.of());
        }
        List<ChurnRisk> ranked = risks.get().stream().sorted((x, y) -> Double.compare(y.probabilityChurn(), x.probabilityChurn())).limit(RANKED)
                .toList();
        if (ranked.isEmpty()) {
            return AgentAnswer.small(name(), "You have no accounts to assess.", List.of(), List.of());
        }
        StringBuilder text = new StringBuilder();
        for (ChurnRisk r : ranked) {
            text.append(byId.get(r.accountId()).name).append(": ").append(Math.round(100 * r.probabilityChurn()))
                    .append("% risk of not renewing.\n");
            for (ChurnRisk.Evidence e : r.factors()) {
                text.append("  - ").append(e.explanation()).append(String.format(Locale.ROOT, " [%+.2f]", e.factor().contribution()));
                if (!e.interactionIds().isEmpty()) {
                    text.append(": ").append(e.interactionIds().stream().map(id -> "#" + id).collect(Collectors.joining(", ")));
                }
                text.append('\n');
            }
        }
        text.append("Model: logistic regression trained on ").append(ranked.get(0).trainedOn()).append(" closed renewals (lost = churned),"
                + " from what was known two weeks before each renewal closed; a factor's number is its contribution to the log-odds of churning.");
        List<Citation> citations = InteractionCitations.of(ranked.stream().flatMap(r -> r.interactionIds().stream()).toList());
        return AgentAnswer.small(name(), text.toString().strip(), citations, List.of());
    }
}
