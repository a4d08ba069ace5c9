package io.closeloop.agents.grounding;

import io.closeloop.agents.api.AgentRequest;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.kernel.problem.ProblemException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads what an agent needs to answer a request, with the rep's permissions: the account, its
 * contacts and open deals, the contact in context, and the interactions most relevant to the
 * message. A record the rep may not see answers 404, exactly as the CRM API does.
 * When the request names its account (chat and the sidebar do), retrieval (embedding the message
 * in-process, then two searches in a transaction of its own, scoped by the rep's permissions like
 * everything here) runs on a worker thread while this thread reads the CRM records: the embedding
 * is the longest step, and the CRM reads no longer wait for it. Its result is used only after the
 * account passed the visibility check here; a failed check discards it.
 */
@ApplicationScoped
public class GroundingService {

    /** Retrievals running at once beside their requests; more requests retrieve on their own thread. */
    private static final int WORKERS = 8;

    private final AccountScope scope;
    private final HistorySearch history;
    private final VisibleRecords records;
    private final ExecutorService retrieval = new ThreadPoolExecutor(0, WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "grounding-retrieval");
        t.setDaemon(true);
        return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());

    public GroundingService(AccountScope scope, HistorySearch history, VisibleRecords records) {
        this.scope = scope;
        this.history = history;
        this.records = records;
    }

    @PreDestroy
    void stop() {
        retrieval.shutdownNow();
    }

    @Transactional
    @WithSpan("closeloop.agents.ground")
    public Grounding ground(AgentRequest request, int k) {
        CompletableFuture<List<Evidence>> early = request.accountId() == null ? null
                : CompletableFuture.supplyAsync(Context.current().wrapSupplier(
                        () -> history.search(request.rep(), request.message(), request.accountId(), k)), retrieval);
        try {
            return read(request, k, early);
        } catch (RuntimeException e) {
            if (early != null) {
                early.cancel(false);
            }
            throw e;
        }
    }

    private Grounding read(AgentRequest request, int k, CompletableFuture<List<Evidence>> early) {
        Long accountId = request.accountId();
        Grounding.ContactFacts contact = null;
        if (request.contactId() != null) {
            Contact c = records.contact(request.rep(), request.contactId());
            contact = facts(c);
            accountId = accountId == null ? c.account.id : accountId;
            if (!accountId.equals(c.account.id)) {
                throw ProblemException.invalidField("contactId", "the contact belongs to another account");
            }
        }
        if (request.dealId() != null) {
            Deal d = records.deal(request.rep(), request.dealId());
            accountId = accountId == null ? d.account.id : accountId;
        }
        if (accountId == null) {
            return new Grounding(null, List.of(), List.of(), null, history.search(request.rep(), request.message(), null, k));
        }
        Account account = scope.require(request.rep(), accountId);
        List<Grounding.ContactFacts> contacts = Contact.<Contact>list("account.id = ?1 order by id", account.id).stream()
                .map(GroundingService::facts).toList();
        List<String> deals = Deal.<Deal>list("account.id = ?1 order by closeDate nulls last, id", account.id).stream()
                .map(d -> "deal " + d.id + " \"" + d.name + "\": stage " + d.stage + ", amount " + (d.amount == null ? "unknown" : d.amount + " " + d.currency)
                        + ", close date " + (d.closeDate == null ? "unknown" : d.closeDate))
                .toList();
        return new Grounding(
                new Grounding.AccountFacts(account.id, account.name, account.industry, account.tier == null ? null : account.tier.name(),
                        account.owner == null ? null : account.owner.fullName),
                contacts, deals, contact, early != null ? join(early) : history.search(request.rep(), request.message(), account.id, k));
    }

    private static List<Evidence> join(CompletableFuture<List<Evidence>> retrieval) {
        try {
            return retrieval.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Grounding.ContactFacts facts(Contact c) {
        return new Grounding.ContactFacts(c.id, c.firstName, c.lastName, c.email, c.title, c.emailConsent.name());
    }
}
