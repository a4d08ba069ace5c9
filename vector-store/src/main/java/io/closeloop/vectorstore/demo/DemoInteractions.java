package io.closeloop.vectorstore.demo;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.demo.DemoCrmLoaded;
import io.closeloop.crm.product.Product;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionConfig;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Adds demo interactions once the CRM demo book is committed: generated from the book's seed,
 * with the renewal outcomes their stories lead to ({@link DemoChurnOutcomes}), then embedded and stored through the ingestion pipeline on a background thread, so startup is
 * not held up by the few minutes embedding takes on a small machine (progress is logged).
 */
@ApplicationScoped
public class DemoInteractions {

    private static final Logger LOG = Logger.getLogger(DemoInteractions.class);

    private final IngestionPipeline pipeline;
    private final IngestionConfig ingestion;
    private final DemoConfig config;
    private final DemoChurnOutcomes churn;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "closeloop-demo-interactions");
        thread.setDaemon(true);
        return thread;
    });

    public DemoInteractions(IngestionPipeline pipeline, IngestionConfig ingestion, DemoConfig config, DemoChurnOutcomes churn) {
        this.pipeline = pipeline;
        this.churn = churn;
        this.ingestion = ingestion;
        this.config = config;
    }

    void onDemoCrmLoaded(@Observes DemoCrmLoaded event) {
        if (config.interactions() > 0) {
            worker.submit(() -> {
                try {
                    load(event.seed(), config.interactions());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Demo interactions could not be loaded");
                }
            });
        }
    }

    /** Generates and stores {@code count} interactions; returns what was stored. Safe to repeat (idempotent). */
    public CompletableFuture<List<IngestResult>> loadAsync(long seed, int count) {
        return CompletableFuture.supplyAsync(() -> load(seed, count), worker);
    }

    List<IngestResult> load(long seed, int count) {
        DemoBook book = QuarkusTransaction.requiringNew().call(DemoInteractions::readBook);
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<InteractionInput> inputs = new DemoInteractionGenerator(seed, book, now).generate(count, config.unknownSenderShare());
        int renewals = QuarkusTransaction.requiringNew().timeout(DemoChurnOutcomes.WRITE_TIMEOUT_SECONDS).call(() -> churn.writeForDemoAccounts(seed, book, now));
        LOG.infof("Demo churn outcomes: %d renewal deals written", renewals);
        LOG.infof("Embedding and storing %d demo interactions across %d accounts", inputs.size(), book.accounts().size());
        long t0 = System.nanoTime();
        List<IngestResult> results = java.util.Collections.synchronizedList(new ArrayList<>(inputs.size()));
        int batch = ingestion.importBatch();
        try (IngestionPipeline.Overlapping stream = pipeline.overlapping(IngestPath.DEMO, null)) {
            for (int from = 0; from < inputs.size(); from += batch) {
                boolean report = (from / batch) % 10 == 9;
                stream.submit(inputs.subList(from, Math.min(inputs.size(), from + batch)), stored -> {
                    results.addAll(stored);
                    if (report) {
                        LOG.infof("Demo interactions: %d of %d stored", results.size(), inputs.size());
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.infof("Demo interactions: %d stored in %.0f s (%.1f per second)", results.size(), seconds, results.size() / seconds);
        return List.copyOf(results);
    }

    static DemoBook readBook() {
        Map<Long, List<DemoBook.DemoContact>> contacts = new HashMap<>();
        for (Contact c : Contact.<Contact>list("account is not null and normalizedEmail is not null order by id")) {
            contacts.computeIfAbsent(c.account.id, k -> new ArrayList<>())
                    .add(new DemoBook.DemoContact(c.id, c.firstName == null ? c.fullName() : c.firstName, c.normalizedEmail, c.title));
        }
        Map<Long, List<Long>> deals = new HashMap<>();
        for (Deal d : Deal.<Deal>list("order by id")) {
            deals.computeIfAbsent(d.account.id, k -> new ArrayList<>()).add(d.id);
        }
        List<DemoBook.DemoAccount> accounts = new ArrayList<>();
        for (Account a : Account.<Account>list("order by id")) {
            accounts.add(new DemoBook.DemoAccount(a.id, a.name, a.domain, a.owner == null ? null : a.owner.fullName,
                    a.owner == null ? null : a.owner.email, contacts.getOrDefault(a.id, List.of()), deals.getOrDefault(a.id, List.of())));
        }
        List<String> products = Product.<Product>list("active = true order by id").stream().map(p -> p.name).toList();
        return new DemoBook(accounts, products);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
