package io.closeloop.vectorstore.identity;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.ingest.ChunkStore;
import io.closeloop.vectorstore.ingest.InteractionWriter;
import io.closeloop.vectorstore.interaction.Interaction;
import io.closeloop.vectorstore.interaction.InteractionView;
import io.closeloop.vectorstore.interaction.MatchMethod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The review list of unmatched interactions, and attaching them: automatically when a later CRM
 * change makes a match (tried after every account/contact event and on a schedule), or by hand.
 * Every attachment records its method and publishes {@code vectorstore.interaction.ingested}
 * with change {@code ATTACHED}, so signal detectors see the interaction under its account.
 */
@ApplicationScoped
public class UnmatchedInteractions {

    private static final Logger LOG = Logger.getLogger(UnmatchedInteractions.class);
    static final int PAGE = 200;

    private final IdentityResolver resolver;
    private final ChunkStore chunks;
    private final Outbox outbox;

    public UnmatchedInteractions(IdentityResolver resolver, ChunkStore chunks, Outbox outbox) {
        this.resolver = resolver;
        this.chunks = chunks;
        this.outbox = outbox;
    }

    @Transactional
    public Page<InteractionView> list(int page, int size) {
        var query = Interaction.<Interaction>find("matchMethod = ?1 order by occurredAt desc, id desc", MatchMethod.UNMATCHED).page(page, size);
        return new Page<>(query.list().stream().map(InteractionView::of).toList(), page, size,
                Interaction.count("matchMethod", MatchMethod.UNMATCHED));
    }

    @Scheduled(every = "${closeloop.vectorstore.identity.retry-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retryScheduled() {
        retry();
    }

    /** Tries every unmatched interaction again; returns how many were attached. */
    public synchronized int retry() {
        int attached = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Interaction.<Interaction>find(
                    "matchMethod = ?1 and id > ?2 order by id", MatchMethod.UNMATCHED, from).page(0, PAGE).list()
                    .stream().map(i -> i.id).toList());
            if (ids.isEmpty()) {
                break;
            }
            attached += QuarkusTransaction.requiringNew().call(() -> {
                int n = 0;
                for (Long id : ids) {
                    if (tryAttach(Interaction.findById(id))) {
                        n++;
                    }
                }
                return n;
            });
            after = ids.get(ids.size() - 1);
        }
        if (attached > 0) {
            LOG.infof("Attached %d unmatched interactions", attached);
        }
        return attached;
    }

    private boolean tryAttach(Interaction i) {
        if (i == null || !i.isUnmatched()) {
            return false;
        }
        Match match = resolver.resolve(new IdentityResolver.Clues(null, null, null, i.direction, i.fromEmail, List.of(i.toEmails),
                i.companyName), null);
        if (!match.matched()) {
            return false;
        }
        InteractionWriter.link(i, match);
        chunks.updateLinks(i.id, InteractionWriter.linksOf(i));
        outbox.publish(InteractionWriter.INGESTED, InteractionWriter.event(i, "ATTACHED"));
        return true;
    }

    /** A reviewer attaches an interaction by hand (admins; see README for why not managers). */
    @Transactional
    public InteractionView attach(Rep actor, long interactionId, Long accountId, Long contactId, Long dealId) {
        Interaction i = Interaction.findById(interactionId);
        if (i == null) {
            throw ProblemException.notFound("Interaction", interactionId);
        }
        Contact contact = contactId == null ? null : Contact.findById(contactId);
        if (contactId != null && contact == null) {
            throw ProblemException.invalidField("contactId", "no contact " + contactId);
        }
        Long account = accountId != null ? accountId : contact != null && contact.account != null ? contact.account.id : null;
        if (account == null || Account.findById(account) == null) {
            throw ProblemException.invalidField("accountId", account == null ? "is required (or a contactId with an account)" : "no account " + account);
        }
        if (contact != null && (contact.account == null || !account.equals(contact.account.id))) {
            throw ProblemException.invalidField("contactId", "belongs to another account");
        }
        Deal deal = dealId == null ? null : Deal.findById(dealId);
        if (dealId != null && (deal == null || !account.equals(deal.account.id))) {
            throw ProblemException.invalidField("dealId", deal == null ? "no deal " + dealId : "belongs to another account");
        }
        InteractionWriter.link(i, new Match(account, contactId, dealId, MatchMethod.MANUAL, "attached by " + actor.username));
        chunks.updateLinks(i.id, InteractionWriter.linksOf(i));
        outbox.publish(InteractionWriter.INGESTED, InteractionWriter.event(i, "ATTACHED"));
        return InteractionView.of(i);
    }
}
