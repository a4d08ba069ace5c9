package io.closeloop.agents.tools;

import io.closeloop.agents.pii.PiiRedactor;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Function;

/**
 * What every tool of one answer shares: the rep it acts for, the ownership rule and the request's
 * redactor. Authorization is here, in code, never in the prompt: a tool asked about an account the
 * rep may not see answers exactly as for an account that does not exist. Each tool call reads in
 * its own short transaction (no transaction is held open while the LLM thinks). One scope per
 * answer; the tool objects, shared by all answers of a role, ask for the current answer's scope on
 * every call.
 */
public final class ToolScope {

    static final String NOT_VISIBLE = "No such record, or it is not visible to this rep.";

    private final Rep rep;
    private final AccountScope scope;
    private final PiiRedactor.Redactor redactor;

    public ToolScope(Rep rep, AccountScope scope, PiiRedactor.Redactor redactor) {
        this.rep = rep;
        this.scope = scope;
        this.redactor = redactor;
    }

    public Rep rep() {
        return rep;
    }

    /** Runs {@code read} on the account if the rep may see it; the answer is redacted before it goes back to the LLM. */
    String onAccount(long accountId, Function<Account, String> read) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return redactor.redact(read.apply(scope.require(rep, accountId)));
            } catch (ProblemException e) {
                return NOT_VISIBLE;
            }
        });
    }

    /** Runs a read that scopes itself (e.g. a search with the rep's permissions) and redacts its answer. */
    String read(java.util.function.Supplier<String> read) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return redactor.redact(read.get());
            } catch (ProblemException e) {
                return NOT_VISIBLE;
            }
        });
    }
}
