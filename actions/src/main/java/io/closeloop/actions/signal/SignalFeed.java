package io.closeloop.actions.signal;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.hibernate.Hibernate;

/**
 * Pushes signal transitions to open server-sent-event streams once they commit. While the
 * transition's transaction runs, its account (owner, owner's team, teams it is shared with) is read
 * so that each stream can apply {@link AccountScope#canSee} without a query; a transition rolled
 * back is never pushed.
 */
@ApplicationScoped
public class SignalFeed {

    /** A transition with the account it belongs to, waiting for its transaction to commit. */
    record Committed(SignalView view, Account account) {
    }

    private final BroadcastProcessor<Committed> changes = BroadcastProcessor.create();
    private final Event<Committed> committed;
    private final AccountScope scope;

    public SignalFeed(Event<Committed> committed, AccountScope scope) {
        this.committed = committed;
        this.scope = scope;
    }

    void onTransition(@Observes SignalTransition t) {
        Account account = Account.findById(t.accountId);
        if (account == null) {
            return;
        }
        Hibernate.initialize(account.owner);
        if (account.owner != null) {
            Hibernate.initialize(account.owner.team);
        }
        Hibernate.initialize(account.sharedWith);
        committed.fire(new Committed(new SignalView(t.id, t.kind, t.accountId, account.name, t.dealId == 0 ? null : t.dealId, t.activated,
                t.score, t.sourceKey, t.eventAt, t.at, null), account));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed c) {
        changes.onNext(c);
    }

    /** Committed transitions of the accounts the viewer may see, from now on. */
    public Multi<SignalView> stream(Rep viewer) {
        return changes.select().where(c -> scope.canSee(viewer, c.account())).map(Committed::view);
    }
}
