package io.closeloop.actions.signal;

import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.EmailDraft;
import io.closeloop.agents.assistant.LlmAgent;
import io.closeloop.crm.rep.Rep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Has the LLM agent write a signal's e-mail (retention, reply) when a language model is
 * configured for e-mail drafts, on behalf of the account's owner (grounding and tools see what the
 * owner sees; personal data is redacted before the call). Without a model, or when the call
 * fails, the caller keeps its template, which is recorded as the template agent's, never as LLM
 * output. Only the subject and body are taken: recipients stay the ones the signal chose.
 */
@ApplicationScoped
public class SignalEmailWriter {

    private static final String INTENT = "draft_email";

    private final LlmAgent agent;

    public SignalEmailWriter(LlmAgent agent) {
        this.agent = agent;
    }

    /** An e-mail the LLM wrote, and the interactions it cites. */
    public record Written(String subject, String body, List<Long> evidenceIds) {
    }

    /** Whether signal e-mails are written by the LLM agent (false: templates, offline mode). */
    public boolean online() {
        return agent.online(INTENT);
    }

    /** The LLM's e-mail for {@code instruction}, or empty (no model, no owner, the call failed). */
    public Optional<Written> write(Rep owner, Long accountId, Long contactId, Long dealId, String instruction) {
        if (owner == null || !online()) {
            return Optional.empty();
        }
        AgentAnswer answer = agent.answer(new AgentRequest(owner, instruction, accountId, contactId, dealId, INTENT));
        if (answer.mode() != AnswerMode.LLM) {
            return Optional.empty();
        }
        return answer.actions().stream().filter(EmailDraft.class::isInstance).map(EmailDraft.class::cast)
                .filter(d -> d.body() != null && !d.body().isBlank())
                .findFirst().map(d -> new Written(d.subject(), d.body(), d.evidenceIds()));
    }
}
