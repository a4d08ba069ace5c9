package io.closeloop.router.chat;

import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.api.EmailDraft;
import io.closeloop.agents.api.FieldUpdate;
import io.closeloop.agents.api.GuardrailRound;
import io.closeloop.agents.api.NoteProposal;
import io.closeloop.agents.api.ProposedAction;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.check.ProposedChange;
import io.closeloop.guardrails.engine.FiredRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the guardrails over an agent's answer text and each proposed action (every check is
 * stored by the guardrails with the decision id as subject). A blocked answer text is withheld
 * and replaced by a notice naming the rules; repairs are applied; blocked proposals are not
 * accepted. What the agent already checked itself (every LLM output, after its repair round) is
 * not checked twice: an answer with guardrail rounds keeps its text and the agent's last verdict on
 * it ({@code answer}), a proposal keeps the agent's last verdict on it, and the earlier rounds are
 * listed as history ({@code answer draft 1}, {@code action[0] draft 1}, ...; {@code withheld-answer
 * draft n} or {@code withheld-draft draft n} when the fallback replaced the output). Proposals the
 * agent did not check (the tasks of next steps, the small agents' actions) are checked here.
 */
@ApplicationScoped
public class GuardrailReview {

    private final GuardrailService guardrails;

    public GuardrailReview(GuardrailService guardrails) {
        this.guardrails = guardrails;
    }

    /** The reviewed answer: the text to show, every verdict, and the proposals with theirs. */
    public record Reviewed(String text, List<GuardrailVerdictView> verdicts, List<ReviewedProposal> proposals) {
    }

    public Reviewed review(AgentRequest request, AgentAnswer answer, long decisionId) {
        List<String> grounding = answer.citations().stream().map(Citation::snippet).filter(s -> s != null && !s.isBlank()).toList();
        List<GuardrailVerdictView> verdicts = new ArrayList<>();
        String subjectId = Long.toString(decisionId);
        String text = answer.text();
        if (answer.guardrails().isEmpty()) {
            CheckResult onText = guardrails.check(request.rep(),
                    new DraftInput("CHAT", request.accountId(), List.of(), null, answer.text(), grounding, List.of()), "chat-answer", subjectId);
            verdicts.add(view(GuardrailRound.ANSWER, onText));
            text = switch (onText.verdict()) {
                case BLOCK -> "The answer was withheld by the company's rules: "
                        + onText.violations().stream().map(r -> r.id() + " " + r.message()).collect(Collectors.joining("; ")) + ".";
                case REPAIR -> onText.repairedBody() != null ? onText.repairedBody() : answer.text();
                default -> answer.text();
            };
        }
        // the agent's own checks: its last round of the answer is the answer's verdict; earlier and withheld rounds are history
        for (GuardrailRound round : answer.guardrails()) {
            if (round.withheld() || round.round() < lastRound(answer, round.subject())) {
                verdicts.add(view(round.subject() + " draft " + (round.round() + 1), round.check()));
            } else if (round.subject().equals(GuardrailRound.ANSWER)) {
                verdicts.add(view(GuardrailRound.ANSWER, round.check()));
            }
        }
        List<ReviewedProposal> proposals = new ArrayList<>();
        for (int i = 0; i < answer.actions().size(); i++) {
            ProposedAction action = answer.actions().get(i);
            // the agent's own last check of this action is the verdict (not checked twice); the earlier rounds are its history
            CheckResult check = answer.finalCheckOfAction(i).map(GuardrailRound::check)
                    .orElseGet(() -> guardrails.check(request.rep(), draft(action, request, grounding), "chat-action", subjectId));
            verdicts.add(view("action[" + i + "]", check));
            proposals.add(new ReviewedProposal(action, check.verdict(), check.verdictId(), check.rules().stream().map(FiredRule::id).toList(),
                    check.repairedSubject(), check.repairedBody(), check.approverId()));
        }
        return new Reviewed(text, verdicts, proposals);
    }

    private static int lastRound(AgentAnswer answer, String subject) {
        return answer.guardrails().stream().filter(r -> r.subject().equals(subject)).mapToInt(GuardrailRound::round).max().orElse(0);
    }

    private static GuardrailVerdictView view(String subject, CheckResult check) {
        return new GuardrailVerdictView(subject, check.verdict(), check.verdictId(),
                check.rules().stream().map(FiredRule::id).toList(), check.approverId());
    }

    /** A proposed action as the guardrails read it. */
    static DraftInput draft(ProposedAction action, AgentRequest request, List<String> grounding) {
        if (action instanceof EmailDraft e) {
            return new DraftInput("EMAIL", e.accountId() != null ? e.accountId() : request.accountId(),
                    e.to() == null ? List.of() : List.of(e.to()), e.subject(), e.body(), grounding, List.of());
        }
        if (action instanceof FieldUpdate f) {
            return new DraftInput("CHANGE", request.accountId(), List.of(), null, f.rationale(), grounding,
                    List.of(new ProposedChange(f.entity(), f.entityId(), f.field(), f.currentValue(), f.proposedValue())));
        }
        if (action instanceof TaskProposal t) {
            return new DraftInput("TASK", t.accountId() != null ? t.accountId() : request.accountId(), List.of(), t.subject(),
                    t.subject(), grounding, List.of());
        }
        NoteProposal n = (NoteProposal) action; // the last permitted kind of ProposedAction
        return new DraftInput("NOTE", n.accountId() != null ? n.accountId() : request.accountId(), List.of(), null, n.summary(),
                grounding, List.of());
    }
}
