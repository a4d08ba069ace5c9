package io.closeloop.agents.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * CRM reads for an LLM agent, limited to the accounts the rep may see. One instance serves a role
 * for the life of the service: {@code scope} gives, on every call, the scope of the answer whose
 * call is running (its rep and redactor).
 */
public final class AccountTools {

    private final Supplier<ToolScope> scope;

    public AccountTools(Supplier<ToolScope> scope) {
        this.scope = scope;
    }

    @Tool("Reads an account's fields: name, industry, tier, annual revenue, owner.")
    public String readAccount(@P("the account id") long accountId) {
        return scope.get().onAccount(accountId, (Account a) -> "account " + a.id + ": " + a.name + ", industry " + a.industry + ", tier " + a.tier
                + ", annual revenue " + a.annualRevenue + ", owner " + (a.owner == null ? "none" : a.owner.fullName));
    }

    @Tool("Lists an account's deals with stage, amount and close date.")
    public String listDeals(@P("the account id") long accountId) {
        return scope.get().onAccount(accountId, (Account a) -> Deal.<Deal>list("account.id = ?1 order by id", a.id).stream()
                .map(d -> "deal " + d.id + " \"" + d.name + "\": " + d.stage + ", " + d.amount + " " + d.currency + ", closes " + d.closeDate)
                .collect(Collectors.joining("\n", "", "\n")).strip());
    }

    @Tool("Lists an account's contacts with their title and e-mail consent.")
    public String listContacts(@P("the account id") long accountId) {
        return scope.get().onAccount(accountId, (Account a) -> Contact.<Contact>list("account.id = ?1 order by id", a.id).stream()
                .map(c -> "contact " + c.id + ": " + c.fullName() + ", " + c.title + ", e-mail " + c.email + ", consent " + c.emailConsent)
                .collect(Collectors.joining("\n")));
    }
}
