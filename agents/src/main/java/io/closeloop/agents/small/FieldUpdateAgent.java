package io.closeloop.agents.small;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.FieldUpdate;
import io.closeloop.agents.api.ProposedAction;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes changes to a deal's stage, close date or amount from a message such as "move the Acme
 * renewal to negotiation, close date end of month, amount 48k". Only fields the message names are
 * proposed, each with the deal's current value and version (for optimistic locking on approval).
 */
@ApplicationScoped
public class FieldUpdateAgent implements Agent {

    private static final Pattern CLOSE_DATE = Pattern.compile("\\b(close date|closing date|close|closes|closing|push|slip|move the date)\\b");
    private static final Pattern AMOUNT = Pattern.compile("\\b(amount|value|worth|size|price)\\b");

    private final RecordMatcher matcher;

    public FieldUpdateAgent(RecordMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "update-field";
    }

    @Override
    public Set<String> intents() {
        return Set.of("update_field");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        CrmContext ctx = matcher.match(request);
        Deal deal = ctx.deal() != null ? ctx.deal() : onlyOpenDeal(ctx);
        if (deal == null) {
            return AgentAnswer.small(name(), "Which deal? I could not match exactly one deal you can see; name the deal or open it and ask again.",
                    List.of(), List.of());
        }
        String text = request.message().toLowerCase(Locale.ROOT).replace('_', ' ');
        List<ProposedAction> changes = new ArrayList<>();
        stageIn(text).filter(s -> s != deal.stage).ifPresent(s -> changes.add(new FieldUpdate("deal", deal.id, deal.version, "stage",
                deal.stage.name(), s.name(), List.of(), "The rep asked to move the deal to " + s + ".")));
        if (CLOSE_DATE.matcher(text).find()) {
            DateExtractor.find(request.message(), LocalDate.now(ZoneOffset.UTC)).filter(d -> !d.equals(deal.closeDate))
                    .ifPresent(d -> changes.add(new FieldUpdate("deal", deal.id, deal.version, "closeDate", String.valueOf(deal.closeDate),
                            d.toString(), List.of(), "The rep gave a new close date.")));
        }
        if (AMOUNT.matcher(text).find() || text.contains("$")) {
            AmountExtractor.find(request.message()).filter(a -> deal.amount == null || a.compareTo(deal.amount) != 0)
                    .ifPresent(a -> changes.add(new FieldUpdate("deal", deal.id, deal.version, "amount", deal.amount == null ? null : deal.amount.toPlainString(),
                            a.toPlainString(), List.of(), "The rep gave a new amount.")));
        }
        if (changes.isEmpty()) {
            return AgentAnswer.small(name(), "I found deal " + deal.name + " but no change to its stage, close date or amount in the message.",
                    List.of(), List.of());
        }
        StringBuilder summary = new StringBuilder("Proposed changes to deal " + deal.name + ":");
        changes.forEach(c -> summary.append("\n- ").append(((FieldUpdate) c).field()).append(": ").append(((FieldUpdate) c).currentValue())
                .append(" → ").append(((FieldUpdate) c).proposedValue()));
        return AgentAnswer.small(name(), summary.toString(), List.of(), changes);
    }

    private static Deal onlyOpenDeal(CrmContext ctx) {
        if (ctx.account() == null) {
            return null;
        }
        List<Deal> open = Deal.<Deal>list("account.id = ?1", ctx.account().id).stream().filter(d -> !d.stage.isClosed()).toList();
        return open.size() == 1 ? open.get(0) : null;
    }

    /** The stage named in the message ("closed won", "negotiation", "needs analysis", "lost", "won"). */
    static java.util.Optional<DealStage> stageIn(String text) {
        for (DealStage stage : DealStage.values()) {
            if (text.contains(stage.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                return java.util.Optional.of(stage);
            }
        }
        if (text.matches(".*\\b(won|we won|signed)\\b.*")) {
            return java.util.Optional.of(DealStage.CLOSED_WON);
        }
        if (text.matches(".*\\b(lost|we lost)\\b.*")) {
            return java.util.Optional.of(DealStage.CLOSED_LOST);
        }
        if (text.contains("proposal sent") || text.matches(".*\\bto proposal\\b.*")) {
            return java.util.Optional.of(DealStage.PROPOSAL);
        }
        return java.util.Optional.empty();
    }
}
