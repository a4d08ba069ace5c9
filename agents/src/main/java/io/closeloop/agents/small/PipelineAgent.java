package io.closeloop.agents.small;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums up the deals the rep may see: open pipeline by stage, what closes in the next 30 days,
 * and the win rate of closed deals. Amounts are summed per currency as stored (no conversion).
 */
@ApplicationScoped
public class PipelineAgent implements Agent {

    private static final int CLOSING_SOON_DAYS = 30;

    private final AccountScope scope;

    public PipelineAgent(AccountScope scope) {
        this.scope = scope;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public Set<String> intents() {
        return Set.of("pipeline_summary");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        AccountScope.Condition visible = scope.visibleTo(request.rep(), "d.account");
        List<Deal> deals = Deal.<Deal>find("from Deal d where " + visible.jpql(), visible.params()).list();
        Map<DealStage, BigDecimal> byStage = new EnumMap<>(DealStage.class);
        Map<DealStage, Integer> countByStage = new EnumMap<>(DealStage.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal soon = BigDecimal.ZERO;
        int soonCount = 0;
        for (Deal d : deals) {
            BigDecimal amount = d.amount == null ? BigDecimal.ZERO : d.amount;
            byStage.merge(d.stage, amount, BigDecimal::add);
            countByStage.merge(d.stage, 1, Integer::sum);
            if (!d.stage.isClosed() && d.closeDate != null && !d.closeDate.isBefore(today) && !d.closeDate.isAfter(today.plusDays(CLOSING_SOON_DAYS))) {
                soon = soon.add(amount);
                soonCount++;
            }
        }
        StringBuilder text = new StringBuilder("Open pipeline by stage:\n");
        BigDecimal open = BigDecimal.ZERO;
        for (DealStage stage : DealStage.values()) {
            if (!stage.isClosed() && countByStage.containsKey(stage)) {
                text.append("- ").append(stage).append(": ").append(countByStage.get(stage)).append(" deals, ").append(byStage.get(stage)).append('\n');
                open = open.add(byStage.get(stage));
            }
        }
        int won = countByStage.getOrDefault(DealStage.CLOSED_WON, 0);
        int lost = countByStage.getOrDefault(DealStage.CLOSED_LOST, 0);
        text.append("Total open: ").append(open).append('\n')
                .append("Closing in the next ").append(CLOSING_SOON_DAYS).append(" days: ").append(soonCount).append(" deals, ").append(soon).append('\n')
                .append("Win rate of closed deals: ").append(won + lost == 0 ? "no closed deals yet"
                        : Math.round(100.0 * won / (won + lost)) + "% (" + won + " won, " + lost + " lost)");
        return AgentAnswer.small(name(), text.toString(), List.of(), List.of());
    }
}
