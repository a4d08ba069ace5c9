package io.closeloop.agents.assistant;

import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.api.EmailDraft;
import io.closeloop.agents.api.LlmUsage;
import io.closeloop.agents.api.ProposedAction;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.agents.grounding.Evidence;
import io.closeloop.agents.grounding.Grounding;
import io.closeloop.agents.llm.LlmRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Offline mode: what an LLM request gets when no LLM is configured or it is unavailable. Drafts
 * are templates filled with facts read from the CRM and the retrieved interactions, labelled
 * {@link AnswerMode#OFFLINE}, with a notice that says plainly what this mode can and cannot do.
 * Nothing here pretends to be written by a model.
 */
@ApplicationScoped
public class OfflineDrafts {

    public static final String AGENT = "offline-drafts";
    static final String CAN_AND_CANNOT = "Offline mode: %s. This answer is a template filled with facts from the CRM and the"
            + " account's history, not text written by a language model. Offline, Closeloop can look up records, list an"
            + " account's deals and recent interactions, and draft from templates; it cannot write new text, reason about the"
            + " account or answer open questions. Edit the draft before you use it.";

    public AgentAnswer answer(LlmRole role, AgentRequest request, Grounding g, String why, LlmUsage usage) {
        List<Citation> citations = g.evidence().stream().map(Evidence::citation).toList();
        String notice = String.format(CAN_AND_CANNOT, why);
        return switch (role) {
            case DRAFT_EMAIL -> email(request, g, citations, notice, usage);
            case NEXT_BEST_ACTION -> nextStep(request, g, citations, notice, usage);
            default -> new AgentAnswer(facts(g), AnswerMode.OFFLINE, AGENT, citations, List.of(), usage, notice);
        };
    }

    private AgentAnswer email(AgentRequest request, Grounding g, List<Citation> citations, String notice, LlmUsage usage) {
        Evidence last = g.evidence().stream().max((a, b) -> a.occurredAt().compareTo(b.occurredAt())).orElse(null);
        String greeting = g.contact() == null || g.contact().firstName() == null ? "Hello" : "Hi " + g.contact().firstName();
        String about = last == null ? "our recent conversations"
                : "our " + last.channel().toLowerCase() + " on " + LocalDate.ofInstant(last.occurredAt(), ZoneOffset.UTC)
                        + (last.subject() == null ? "" : " (\"" + last.subject() + "\")");
        String subject = last != null && last.subject() != null ? "Re: " + last.subject()
                : "Following up" + (g.account() == null ? "" : " - " + g.account().name());
        String body = greeting + ",\n\nI am following up on " + about + ". [Add what you want to say here.]\n\n"
                + "Please let me know a good time to talk.\n\nBest regards,\n" + request.rep().fullName;
        ProposedAction draft = new EmailDraft(g.account() == null ? null : g.account().id(), g.contact() == null ? null : g.contact().id(),
                g.contact() == null ? null : g.contact().email(), subject, body, last == null ? List.of() : List.of(last.interactionId()),
                "Template follow-up drafted offline; it refers to the latest interaction on record.");
        return new AgentAnswer("Template e-mail drafted from the account's history; complete it before sending.\n\n" + facts(g),
                AnswerMode.OFFLINE, AGENT, citations, List.of(draft), usage, notice);
    }

    private AgentAnswer nextStep(AgentRequest request, Grounding g, List<Citation> citations, String notice, LlmUsage usage) {
        Evidence lastInbound = g.evidence().stream().filter(e -> "INBOUND".equals(e.direction()))
                .max((a, b) -> a.occurredAt().compareTo(b.occurredAt())).orElse(null);
        List<ProposedAction> actions = lastInbound == null ? List.of()
                : List.of(new TaskProposal(request.rep().id, "Reply to \"" + (lastInbound.subject() == null ? "the latest message" : lastInbound.subject()) + "\"",
                        LocalDate.now(ZoneOffset.UTC).plusDays(1), g.account() == null ? null : g.account().id(), request.dealId(),
                        g.contact() == null ? null : g.contact().id(), List.of(lastInbound.interactionId()),
                        "The latest customer message on record is inbound; a reply is the obvious next step."));
        return new AgentAnswer(facts(g), AnswerMode.OFFLINE, AGENT, citations, actions, usage, notice);
    }

    /** The facts the templates are filled with, as the rep reads them. */
    static String facts(Grounding g) {
        StringBuilder out = new StringBuilder();
        if (g.account() != null) {
            out.append("Account: ").append(g.account().name());
            if (g.account().industry() != null) {
                out.append(" (").append(g.account().industry()).append(')');
            }
            out.append('\n');
        }
        if (!g.deals().isEmpty()) {
            out.append("Deals:\n").append(g.deals().stream().map(d -> "- " + d).collect(Collectors.joining("\n"))).append('\n');
        }
        if (!g.evidence().isEmpty()) {
            out.append("Relevant interactions:\n").append(g.evidence().stream()
                    .map(e -> "- " + LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC) + " " + e.channel().toLowerCase() + " "
                            + (e.subject() == null ? "" : "\"" + e.subject() + "\" ") + "[" + e.interactionId() + "]")
                    .collect(Collectors.joining("\n")));
        } else {
            out.append("No interactions on record match this request.");
        }
        return out.toString().strip();
    }
}
