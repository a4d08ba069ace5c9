package io.closeloop.vectorstore.demo;

import io.closeloop.crm.demo.DemoConfig;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator.Story;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Makes churn an observable CRM outcome of the demo, the way HubSpot and Salesforce record it: one
 * <b>renewal deal</b> per account of the CRM demo book ({@code "<account> – renewal"}, external id
 * {@code demo-renewal-<seed>-<account id>}), won when the customer renewed, lost when it churned, still open
 * (NEGOTIATION, closing in the next 10–90 days) when the decision is ahead. The outcome follows the
 * account's story in {@link DemoInteractionGenerator} (the same seeded draws), with noise: a churning
 * account renewed after all now and then, a healthy one left.
 *
 * <pre>
 * story            won    lost   open
 * HEALTHY          85 %    5 %   10 %
 * EXPANDING        85 %    5 %   10 %
 * RENEWING         60 %   10 %   30 %
 * AT_RISK          30 %   35 %   35 %
 * CHURNING         10 %   70 %   20 %
 * </pre>
 *
 * Closed renewals closed 3–27 days before the demo's day, 90 days after they were opened; stage
 * history PROSPECTING → NEGOTIATION (30 days later) → the outcome, source DEMO. Written when the
 * demo interactions are generated, and on start for a database that already holds a demo without
 * them (loaded before this existed): its seed and day are read back from the demo interactions.
 * Idempotent (the external id is unique).
 */
@ApplicationScoped
public class DemoChurnOutcomes {

    private static final Logger LOG = Logger.getLogger(DemoChurnOutcomes.class);
    /** 300 accounts x 4 statements took over a minute (the default transaction timeout) on a busy 2-core machine. */
    static final int WRITE_TIMEOUT_SECONDS = 600;
    private static final Pattern DEMO_ID = Pattern.compile("demo-(\\d+)-\\d+");

    private final EntityManager em;
    private final DemoConfig crmDemo;

    public DemoChurnOutcomes(EntityManager em, DemoConfig crmDemo) {
        this.em = em;
        this.crmDemo = crmDemo;
    }

    /** What became of one account's renewal. */
    enum Outcome { WON, LOST, OPEN }

    /** The outcome of the account at {@code index} of a book with the given seed, for its story (deterministic). */
    static Outcome outcome(long seed, int index, Story story) {
        double u = new Random(seed * 1_000_003L + index * 7919L + 17).nextDouble();
        double won;
        double lost;
        switch (story) {
            case HEALTHY, EXPANDING -> { won = 0.85; lost = 0.05; }
            case RENEWING -> { won = 0.60; lost = 0.10; }
            case AT_RISK -> { won = 0.30; lost = 0.35; }
            default -> { won = 0.10; lost = 0.70; }
        }
        return u < won ? Outcome.WON : u < won + lost ? Outcome.LOST : Outcome.OPEN;
    }

    /**
     * Writes the renewal deals of every account of the book, the book the interactions were generated
     * from (same seed, same order: the same stories). Run in a transaction. Returns how many were new.
     */
    public int write(long seed, DemoBook book, Instant now) {
        return write(seed, book, now, id -> true);
    }

    /** Only for the accounts of the CRM demo book ({@code demo-account-*}): other accounts in the database are someone's real data. */
    int writeForDemoAccounts(long seed, DemoBook book, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> demoAccounts = em.createNativeQuery("select id from account where external_id like 'demo-account-%'").getResultList();
        Set<Long> ids = new HashSet<>();
        demoAccounts.forEach(n -> ids.add(n.longValue()));
        return write(seed, book, now, ids::contains);
    }

    private int write(long seed, DemoBook book, Instant now, Predicate<Long> include) {
        List<Story> stories = DemoInteractionGenerator.stories(seed, book.accounts().size());
        int written = 0;
        for (int a = 0; a < book.accounts().size(); a++) {
            DemoBook.DemoAccount account = book.accounts().get(a);
            if (!include.test(account.id())) {
                continue;
            }
            Outcome outcome = outcome(seed, a, stories.get(a));
            Random r = new Random(seed * 31L + a * 104_729L + 3);
            Instant close;
            Instant created;
            if (outcome == Outcome.OPEN) {
                close = now.plus(Duration.ofDays(10 + r.nextInt(81)));
                created = now.minus(Duration.ofDays(40 + r.nextInt(20)));
            } else {
                close = now.minus(Duration.ofDays(3 + r.nextInt(25)));
                created = close.minus(Duration.ofDays(90));
            }
            String stage = switch (outcome) {
                case WON -> "CLOSED_WON";
                case LOST -> "CLOSED_LOST";
                case OPEN -> "NEGOTIATION";
            };
            String externalId = "demo-renewal-" + seed + "-" + account.id();
            Instant negotiation = created.plus(Duration.ofDays(30));
            Instant updated = outcome == Outcome.OPEN ? negotiation : close;
            int inserted = em.createNativeQuery("insert into deal (external_id, account_id, name, stage, amount, currency, close_date, owner_id,"
                    + " created_at, updated_at) select :ext, a.id, :name, :stage, w.amount, coalesce(w.currency, 'USD'), :close, a.owner_id,"
                    + " :created, :updated from account a left join lateral (select d.amount, d.currency from deal d where d.account_id = a.id"
                    + " and d.stage = 'CLOSED_WON' order by d.created_at desc limit 1) w on true where a.id = :account"
                    + " on conflict (external_id) do nothing")
                    .setParameter("ext", externalId).setParameter("name", account.name() + " – renewal").setParameter("stage", stage)
                    .setParameter("close", LocalDate.ofInstant(close, ZoneOffset.UTC)).setParameter("created", created.atOffset(ZoneOffset.UTC))
                    .setParameter("updated", updated.atOffset(ZoneOffset.UTC)).setParameter("account", account.id())
                    .executeUpdate();
            if (inserted == 0) {
                continue;
            }
            written++;
            history(externalId, null, "PROSPECTING", created);
            history(externalId, "PROSPECTING", "NEGOTIATION", negotiation);
            if (outcome != Outcome.OPEN) {
                history(externalId, "NEGOTIATION", stage, close);
            }
        }
        return written;
    }

    private void history(String externalId, String from, String to, Instant at) {
        em.createNativeQuery("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at, changed_by_id, source)"
                + " select d.id, cast(:from as text), :to, :at, d.owner_id, 'DEMO' from deal d where d.external_id = :ext")
                .setParameter("from", from).setParameter("to", to).setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("ext", externalId)
                .executeUpdate();
    }

    /**
     * A database that got its demo before churn outcomes existed: the demo is loaded once per
     * database, so add them now, with the seed and the day the demo interactions were generated.
     */
    void onStart(@Observes StartupEvent start) {
        if (!crmDemo.enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().timeout(WRITE_TIMEOUT_SECONDS).run(this::backfill);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Demo churn outcomes could not be added");
        }
    }

    void backfill() {
        em.createNativeQuery("select pg_advisory_xact_lock(4845871227418217810)").getSingleResult(); // one replica at a time
        boolean present = !em.createNativeQuery("select 1 from deal where external_id like 'demo-renewal-%' limit 1").getResultList().isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> demo = em.createNativeQuery("select min(external_id), min(created_at) from interaction where ingested_via = 'DEMO'"
                + " and external_id like 'demo-%' having count(*) > 0").getResultList();
        if (present || demo.isEmpty()) {
            return;
        }
        Matcher m = DEMO_ID.matcher((String) demo.get(0)[0]);
        if (!m.matches()) {
            return;
        }
        long seed = Long.parseLong(m.group(1));
        Instant day = toInstant(demo.get(0)[1]).truncatedTo(ChronoUnit.DAYS);
        // Accounts added since the demo have higher ids: the demo accounts keep their places in the book, so their stories.
        int written = writeForDemoAccounts(seed, DemoInteractions.readBook(), day);
        LOG.infof("Demo churn outcomes: %d renewal deals added to an existing demo (seed %d, day %s)", written, seed, day);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
