package io.closeloop.actions.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.catalogue.Severity;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.check.ProposedChange;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The action loop's guard over {@link GuardrailService}: a draft becomes the guardrails' input
 * (an e-mail with its recipients, a task, a note, or a deal field change) and the stored verdict
 * comes back with its rule ids and any repaired text. The verdict is stored by the guardrails
 * with subject kind {@code action} and the draft's dedupe key as subject id (an edit's:
 * {@code edit:<action id>:<version>}); the recipients' check before sending with subject kind
 * {@code action-send}.
 */
@ApplicationScoped
public class GuardrailActionGuard implements ActionGuard {

    public static final String SUBJECT_KIND = "action";
    /** The subject kind of the recipients' check just before an e-mail is sent (subject id {@code <action id>:<attempt>}). */
    public static final String SEND_SUBJECT_KIND = "action-send";

    private final GuardrailService guardrails;
    private final ObjectMapper json;

    public GuardrailActionGuard(GuardrailService guardrails, ObjectMapper json) {
        this.guardrails = guardrails;
        this.json = json;
    }

    @Override
    public Review review(Rep reviewer, DraftRequest draft) {
        CheckResult result = guardrails.check(reviewer, input(draft.type(), draft.accountId(), draft.recipients(), draft.subject(),
                draft.body(), draft.dealId(), draft.fieldName(), draft.oldValue(), draft.newValue()), SUBJECT_KIND, draft.dedupeKey());
        return review(result, draft.body());
    }

    @Override
    public Review reviewEdit(Rep reviewer, Action a) {
        CheckResult result = guardrails.check(reviewer, input(a.type, a.account == null ? null : a.account.id, a.recipients, a.subject,
                a.body, a.deal == null ? null : a.deal.id, a.fieldName, a.oldValue, a.newValue), SUBJECT_KIND, "edit:" + a.id + ":" + a.version);
        return review(result, a.body);
    }

    @Override
    public List<String> refusedRecipients(Action a) {
        Rep onBehalf = a.owner != null ? a.owner : a.decidedBy;
        CheckResult result = guardrails.checkRecipients(onBehalf == null ? null : onBehalf.id, a.account == null ? null : a.account.id,
                a.recipients, SEND_SUBJECT_KIND, a.id + ":" + a.attempts);
        return result.rules().stream().filter(r -> r.severity() == Severity.BLOCK).map(r -> holding(r.id(), r.detail())).toList();
    }

    private static Review review(CheckResult result, String body) {
        return new Review(of(result), result.repairedSubject(), blank(body) ? null : result.repairedBody(),
                result.rules().stream().map(r -> r.id() + ": " + r.message() + (blank(r.remedy()) ? "" : " (" + r.remedy() + ")")).toList(),
                result.violations().stream().map(r -> holding(r.id(), r.detail())).toList());
    }

    private static String holding(String ruleId, String detail) {
        return ruleId + ": " + detail;
    }

    @Override
    public List<String> holding(Long verdictId) {
        GuardrailVerdict verdict = verdictId == null ? null : GuardrailVerdict.findById(verdictId);
        if (verdict == null) {
            return List.of();
        }
        try {
            List<String> held = new ArrayList<>();
            for (JsonNode rule : json.readTree(verdict.details)) {
                String severity = rule.path("severity").asText();
                if (severity.equals(Severity.BLOCK.name()) || severity.equals(Severity.NEEDS_APPROVAL.name())) {
                    held.add(holding(rule.path("id").asText(), rule.path("detail").asText(null)));
                }
            }
            return held;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("guardrail verdict " + verdictId + " has unreadable details", e);
        }
    }

    /** The guardrails' result as an action records it. */
    public static GuardrailCheck of(CheckResult result) {
        return new GuardrailCheck(result.verdict().name(), result.verdictId(), result.rules().stream().map(FiredRule::id).toList());
    }

    private static DraftInput input(ActionType type, Long accountId, List<String> recipients, String subject, String body, Long dealId,
            String fieldName, String oldValue, String newValue) {
        return switch (type) {
            case EMAIL -> new DraftInput("EMAIL", accountId, recipients, subject, body, List.of(), List.of());
            case TASK -> new DraftInput("TASK", accountId, List.of(), subject, blank(body) ? subject : body, List.of(), List.of());
            case NOTE -> new DraftInput("NOTE", accountId, List.of(), subject, body, List.of(), List.of());
            case CRM_FIELD_UPDATE -> new DraftInput("CHANGE", accountId, List.of(), subject, body, List.of(),
                    List.of(new ProposedChange("deal", dealId, fieldName, oldValue, newValue)));
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
