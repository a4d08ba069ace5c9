package io.closeloop.agents.assistant;

import io.closeloop.agents.llm.LlmInvoker;
import io.closeloop.agents.llm.LlmOutcome;
import io.closeloop.agents.llm.LlmRole;
import io.closeloop.agents.pii.PiiRedactor;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.loop.DraftReviser;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The LLM as the guardrails' {@link DraftReviser} for one e-mail draft: a new request to the model
 * with the blocked draft and every violation (rule id, message, finding, remedy), redacted with
 * the same mapping as the first request and restored for the rep, through the same
 * {@link LlmInvoker} (timeout, retries, circuit breaker) and call log. A failed call throws, and
 * the loop falls back.
 */
final class LlmDraftReviser implements DraftReviser {

    private final EmailReviser model;
    private final LlmInvoker invoker;
    private final PiiRedactor.Redactor redactor;
    private final String request;

    LlmDraftReviser(EmailReviser model, LlmInvoker invoker, PiiRedactor.Redactor redactor, String redactedRequest) {
        this.model = model;
        this.invoker = invoker;
        this.redactor = redactor;
        this.request = redactedRequest;
    }

    @Override
    public DraftInput revise(DraftInput blocked, List<FiredRule> violations) {
        String list = violations(violations).stream().map(redactor::redact).collect(Collectors.joining("\n"));
        LlmOutcome outcome = invoker.invoke(LlmRole.DRAFT_EMAIL,
                () -> model.revise(request, redactor.redact(blocked.subject()), redactor.redact(blocked.body()), list));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("the revision request failed: " + outcome.failure());
        }
        EmailText revised = (EmailText) outcome.value();
        if (revised == null || revised.body() == null || revised.body().isBlank()) {
            return null;
        }
        return blocked.withText(redactor.redaction().restore(Objects.requireNonNullElse(revised.subject(), blocked.subject())),
                redactor.redaction().restore(revised.body()));
    }

    /** One line per violation, as the model reads it. */
    static List<String> violations(List<FiredRule> violations) {
        return violations.stream().map(v -> "- " + v.id() + ": " + v.message() + " | " + Objects.toString(v.detail(), "-") + " | " + v.remedy())
                .toList();
    }
}
