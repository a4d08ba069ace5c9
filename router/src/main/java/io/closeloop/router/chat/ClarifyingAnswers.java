package io.closeloop.router.chat;

import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.router.intents.Intent;
import io.closeloop.router.intents.IntentTaxonomy;
import io.closeloop.router.policy.LlmStatus;
import io.closeloop.router.policy.RouteChoice;
import io.closeloop.router.policy.RouteReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The router's own answers: a clarifying question offering the most probable intents (from the
 * taxonomy's descriptions), for out-of-scope requests and for requests that needed an LLM that may
 * not be used. The latter are OFFLINE answers and say why; nothing here is presented as LLM output.
 */
@ApplicationScoped
public class ClarifyingAnswers {

    public static final String AGENT = "router-clarify";

    private final IntentTaxonomy taxonomy;

    public ClarifyingAnswers(IntentTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public AgentAnswer answer(RouteChoice choice) {
        String options = choice.choices().stream().map(taxonomy::find).flatMap(java.util.Optional::stream)
                .map(ClarifyingAnswers::option).collect(Collectors.joining("\n"));
        if (choice.reason() == RouteReason.OUT_OF_SCOPE) {
            return new AgentAnswer("That does not look like a sales or CRM request, so I will not act on it. I can help with "
                    + "your accounts, deals, contacts, tasks and e-mails, for example:\n" + options, AnswerMode.SMALL_MODEL, AGENT,
                    List.of(), List.of(), null, null);
        }
        String why = choice.llm() == LlmStatus.AVAILABLE ? "no agent answers this kind of request" : choice.llm().explanation();
        return new AgentAnswer("I am not sure what you need, and " + why + ", so I cannot hand this to the language model. "
                + "Did you mean one of these? Please rephrase with the account or deal you mean:\n" + options, AnswerMode.OFFLINE,
                AGENT, List.of(), List.of(), null, "Offline: " + why + ". This is not a language-model answer.");
    }

    private static String option(Intent intent) {
        return "- " + intent.description();
    }
}
