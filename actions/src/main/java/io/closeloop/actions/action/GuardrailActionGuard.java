package io.closeloop.actions.action;

import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.check.ProposedChange;
import io.closeloop.guardrails.engine.FiredRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The action loop's guard over {@link GuardrailService}: a draft becomes the guardrails' input
 * (an e-mail with its recipients, a task, a note, or a deal field change) and the stored verdict
 * comes back with its rule ids and any repaired text. The verdict is stored by the guardrails
 * with subject kind {@code action} and the draft's dedupe key as subject id.
 */
@ApplicationScoped
public class GuardrailActionGuard implements ActionGuard {

    public static final String SUBJECT_KIND = "action";

    private final GuardrailService guardrails;

    public GuardrailActionGuard(GuardrailService guardrails) {
        this.guardrails = guardrails;
    }

    @Override
    public Review review(Rep reviewer, DraftRequest draft) {
        CheckResult result = guardrails.check(reviewer, input(draft), SUBJECT_KIND, draft.dedupeKey());
        return new Review(of(result), result.repairedSubject(), blank(draft.body()) ? null : result.repairedBody());
    }

    /** The guardrails' result as an action records it. */
    public static GuardrailCheck of(CheckResult result) {
        return new GuardrailCheck(result.verdict().name(), result.verdictId(), result.rules().stream().map(FiredRule::id).toList());
    }

    static DraftInput input(DraftRequest d) {
        return switch (d.type()) {
            case EMAIL -> new DraftInput("EMAIL", d.accountId(), d.recipients(), d.subject(), d.body(), List.of(), List.of());
            case TASK -> new DraftInput("TASK", d.accountId(), List.of(), d.subject(), blank(d.body()) ? d.subject() : d.body(),
                    List.of(), List.of());
            case NOTE -> new DraftInput("NOTE", d.accountId(), List.of(), d.subject(), d.body(), List.of(), List.of());
            case CRM_FIELD_UPDATE -> new DraftInput("CHANGE", d.accountId(), List.of(), d.subject(), d.body(), List.of(),
                    List.of(new ProposedChange("deal", d.dealId(), d.fieldName(), d.oldValue(), d.newValue())));
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
