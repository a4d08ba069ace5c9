package io.closeloop.agents.assistant;

import io.closeloop.agents.llm.LlmInvoker;
import io.closeloop.agents.llm.LlmOutcome;
import io.closeloop.agents.pii.PiiRedactor;
import io.closeloop.agents.tools.InteractionFormat;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.loop.DraftReviser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The LLM as the guardrails' {@link DraftReviser} for one output of any LLM role: a new request to
 * the model ({@link OutputReviser}, answering in the output's own type) with the rep's request, the
 * same redacted context as the first request, the blocked output as delimited data and every
 * violation (rule id, message, finding, remedy). What goes to the model is redacted with the first
 * request's mapping; what comes back is restored before it is checked. The call goes through the
 * same {@link LlmInvoker} (timeout, retries, circuit breaker) and the same recording chat model
 * (call log, budget). A failed call throws and an empty answer is null: the loop falls back.
 * One instance serves one request and remembers the revision it accepted, typed, for the answer.
 */
final class LlmDraftReviser implements DraftReviser {

    private final OutputForm form;
    /** Built only when an output is blocked: most answers never need it, and an AI service costs reflection to build. */
    private final Supplier<OutputReviser> model;
    private final LlmInvoker invoker;
    private final PiiRedactor.Redactor redactor;
    private final PromptMaterial prompt;
    private final Function<OutputText, DraftInput> draft;
    private Object revised;
    private OutputText revisedText;

    /**
     * @param draft how an output's text becomes the guardrails' input (channel, recipients, grounding)
     */
    LlmDraftReviser(OutputForm form, Supplier<OutputReviser> model, LlmInvoker invoker, PiiRedactor.Redactor redactor, PromptMaterial prompt,
            Function<OutputText, DraftInput> draft) {
        this.form = form;
        this.model = model;
        this.invoker = invoker;
        this.redactor = redactor;
        this.prompt = prompt;
        this.draft = draft;
    }

    @Override
    public DraftInput revise(DraftInput blocked, List<FiredRule> violations) {
        String list = violations(violations).stream().map(redactor::redact).collect(Collectors.joining("\n"));
        String text = blocked.subject() == null ? blocked.body() : "Subject: " + blocked.subject() + "\n\n" + blocked.body();
        String shown = InteractionFormat.neutral(redactor.redact(text));
        LlmOutcome outcome = invoker.invoke(form.role, () -> form.revise(model.get(), prompt.request(), form.context(prompt), shown, list));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("the revision request failed: " + outcome.failure());
        }
        if (outcome.value() == null) {
            return null;
        }
        OutputText revision = form.text(outcome.value(), redactor.redaction());
        if (revision.blank()) {
            return null;
        }
        DraftInput input = draft.apply(revision.subject() == null && blocked.subject() != null
                ? new OutputText(blocked.subject(), revision.body(), revision.cited()) : revision);
        if (input.tooLong()) {
            throw new IllegalStateException("the revision is longer than the " + DraftInput.MAX_TEXT + " characters the guardrails check");
        }
        revised = outcome.value();
        revisedText = revision;
        return input;
    }

    /** The typed revision the model wrote, if it was asked for one and answered. */
    Optional<Object> revised() {
        return Optional.ofNullable(revised);
    }

    /** That revision as the rep reads it (restored), if there is one. */
    Optional<OutputText> revisedText() {
        return Optional.ofNullable(revisedText);
    }

    /** One line per violation, as the model reads it. */
    static List<String> violations(List<FiredRule> violations) {
        return violations.stream().map(v -> "- " + v.id() + ": " + v.message() + " | " + Objects.toString(v.detail(), "-") + " | " + v.remedy())
                .toList();
    }
}
