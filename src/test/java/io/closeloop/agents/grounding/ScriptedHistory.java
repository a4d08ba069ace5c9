package io.closeloop.agents.grounding;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Interaction history for the agents' tests until the vector store's retrieval is merged: the
 * interactions a test registers, filtered by account and by the real ownership rule.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedHistory implements HistorySearch {

    private record Entry(long accountId, Evidence evidence) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AccountScope scope;

    public ScriptedHistory(AccountScope scope) {
        this.scope = scope;
    }

    public void add(long accountId, Evidence evidence) {
        entries.add(new Entry(accountId, evidence));
    }

    public void clear() {
        entries.clear();
    }

    @Override
    public List<Evidence> search(Rep rep, String query, Long accountId, int k) {
        List<Evidence> out = new ArrayList<>();
        for (Entry e : entries) {
            if ((accountId == null || accountId == e.accountId()) && scope.canSee(rep, Account.findById(e.accountId())) && out.size() < k) {
                out.add(e.evidence());
            }
        }
        return out;
    }
}
