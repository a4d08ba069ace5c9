package io.closeloop.agents.small;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shows an account (or one of its deals) the rep names or has open: fields, deals and contacts. */
@ApplicationScoped
public class LookupAgent implements Agent {

    private final RecordMatcher matcher;

    public LookupAgent(RecordMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public Set<String> intents() {
        return Set.of("lookup_account_or_deal");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        CrmContext ctx = matcher.match(request);
        if (ctx.account() == null) {
            return AgentAnswer.small(name(), "I could not find an account you can see in that message. Name the account as it is"
                    + " written in the CRM, or open it and ask again.", List.of(), List.of());
        }
        StringBuilder text = new StringBuilder();
        var a = ctx.account();
        text.append(a.name).append(" — ").append(a.industry == null ? "industry unknown" : a.industry)
                .append(a.tier == null ? "" : ", " + a.tier).append(", owner ").append(a.owner == null ? "none" : a.owner.fullName).append('\n');
        List<Deal> deals = ctx.deal() != null ? List.of(ctx.deal()) : Deal.list("account.id = ?1 order by closeDate nulls last, id", a.id);
        text.append(deals.isEmpty() ? "No deals." : "Deals:\n" + deals.stream()
                .map(d -> "- " + d.name + ": " + d.stage + ", " + (d.amount == null ? "no amount" : d.amount + " " + d.currency) + ", close "
                        + (d.closeDate == null ? "not set" : d.closeDate))
                .collect(Collectors.joining("\n")));
        List<Contact> contacts = Contact.list("account.id = ?1 order by id", a.id);
        if (!contacts.isEmpty()) {
            text.append("\nContacts:\n").append(contacts.stream()
                    .map(c -> "- " + c.fullName() + (c.title == null ? "" : ", " + c.title) + (c.email == null ? "" : " <" + c.email + ">")
                            + ", e-mail consent " + c.emailConsent)
                    .collect(Collectors.joining("\n")));
        }
        return AgentAnswer.small(name(), text.toString(), List.of(), List.of());
    }
}
