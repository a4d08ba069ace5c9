package io.closeloop.agents.assistant;

import io.closeloop.agents.grounding.Grounding;
import io.closeloop.agents.pii.PiiRedactor;
import io.closeloop.agents.tools.InteractionFormat;
import java.util.stream.Collectors;

/** The redacted texts an LLM agent's prompt is made of; nothing here carries raw personal data. */
record PromptMaterial(String request, String recipient, String account, String contacts, String deals, String history) {

    static PromptMaterial of(String message, Grounding g, PiiRedactor.Redactor r) {
        String account = g.account() == null ? "none in context"
                : "account " + g.account().id() + ": " + g.account().name() + ", industry " + g.account().industry() + ", tier "
                        + g.account().tier() + ", owner " + g.account().owner();
        String contacts = g.contacts().isEmpty() ? "none"
                : g.contacts().stream().map(c -> "contact " + c.id() + ": " + c.fullName() + ", " + c.title() + ", e-mail " + c.email()
                        + ", consent " + c.consent()).collect(Collectors.joining("; "));
        String recipient = g.contact() == null ? "not given (write to the account's main contact by role, no name)"
                : "contact " + g.contact().id() + ": " + g.contact().fullName() + ", " + g.contact().title();
        String deals = g.deals().isEmpty() ? "none" : String.join("\n", g.deals());
        String history = g.evidence().isEmpty() ? "none found"
                : g.evidence().stream().map(InteractionFormat::block).collect(Collectors.joining("\n"));
        return new PromptMaterial(r.redact(message), r.redact(recipient), r.redact(account), r.redact(contacts), r.redact(deals),
                r.redact(history));
    }
}
