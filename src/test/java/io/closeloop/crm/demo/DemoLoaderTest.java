package io.closeloop.crm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStageHistory;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a first start with demo data on, the whole book lands in the real database once, consistent. */
@QuarkusTest
@TestProfile(DemoEnabledProfile.class)
class DemoLoaderTest {

    @Inject
    DemoLoader loader;

    @Inject
    DemoCrmLoadedRecorder recorder;

    @Inject
    AgroalDataSource dataSource;

    DemoBook book;

    @BeforeEach
    void generateTheBookTheLoaderLoaded() {
        book = DemoBookGenerator.generate(DemoEnabledProfile.SEED, recorder.seen().get(0).day());
    }

    @Test
    void firstStartLoadsTheWholeBookAndAnnouncesItOnceAfterCommit() throws SQLException {
        DemoCrmLoadedRecorder.Seen seen = recorder.seen().get(0);
        assertEquals(DemoEnabledProfile.SEED, seen.seed());
        assertEquals(300, seen.committedAccounts(), "observers see the committed book");
        assertEquals(1, recorder.seen().size());

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("team", 3L);
        expected.put("rep", 16L);
        expected.put("product", 20L);
        expected.put("price_book_entry", 40L);
        expected.put("account", 300L);
        expected.put("account_team_share", book.accounts().stream().mapToLong(a -> a.sharedWithTeams().size()).sum());
        expected.put("contact", (long) book.contacts().size());
        expected.put("deal", (long) book.deals().size());
        expected.put("deal_stage_history", book.deals().stream().mapToLong(d -> d.history().size()).sum());
        expected.put("task", (long) book.tasks().size());
        expected.put("outbox crm.*", 0L); // demo CRM records announce nothing (higher layers' demo data may)
        assertEquals(expected, rowCounts());
    }

    @Test
    void aSecondStartLoadsNothing() throws SQLException {
        Map<String, Long> before = rowCounts();
        assertFalse(loader.loadIfFirstRun());
        assertEquals(before, rowCounts());
        assertEquals(1, recorder.seen().size(), "no second DemoCrmLoaded");
    }

    @Test
    void storedDealsKeepTheStageHistoryAndOwnershipInvariants() throws SQLException {
        // first entry: created at PROSPECTING when the deal was created
        assertEquals(0, count("select count(*) from deal d where not exists (select 1 from deal_stage_history h"
                + " where h.deal_id = d.id and h.from_stage is null and h.to_stage = 'PROSPECTING' and h.changed_at = d.created_at)"));
        // each entry continues from the previous one, later in time
        assertEquals(0, count("select count(*) from (select from_stage, changed_at,"
                + " lag(to_stage) over w as prev_stage, lag(changed_at) over w as prev_at from deal_stage_history"
                + " window w as (partition by deal_id order by changed_at, id)) x"
                + " where prev_at is not null and (changed_at <= prev_at or from_stage is distinct from prev_stage)"));
        // the deal is at the stage of its last entry; closed deals closed on that day
        assertEquals(0, count("select count(*) from deal d join lateral (select to_stage, changed_at from deal_stage_history h"
                + " where h.deal_id = d.id order by changed_at desc, id desc limit 1) last on true"
                + " where d.stage <> last.to_stage or (d.stage in ('CLOSED_WON', 'CLOSED_LOST')"
                + " and d.close_date <> (last.changed_at at time zone 'UTC')::date)"));
        // authored by the deal's owner, marked DEMO
        assertEquals(0, count("select count(*) from deal_stage_history h join deal d on d.id = h.deal_id"
                + " where h.changed_by_id <> d.owner_id or h.source <> 'DEMO'"));
        // deal owner: the account owner or a teammate
        assertEquals(0, count("select count(*) from deal d join account a on a.id = d.account_id"
                + " join rep o on o.id = d.owner_id join rep ao on ao.id = a.owner_id"
                + " where d.owner_id <> a.owner_id and o.team_id is distinct from ao.team_id"));
        // every rep reports to their team's manager
        assertEquals(0, count("select count(*) from rep r where r.role = 'REP' and not exists"
                + " (select 1 from rep m where m.id = r.manager_id and m.role = 'MANAGER' and m.team_id = r.team_id)"));
        // consent time exactly when consent is known
        assertEquals(0, count("select count(*) from contact where (email_consent = 'UNKNOWN') <> (email_consent_at is null)"));
        assertEquals(0, count("select count(*) from contact where normalized_email is null or normalized_email <> lower(email)"));
    }

    @Test
    @Transactional
    void storedRecordsReadBackThroughTheEntitiesAsGenerated() {
        DemoDeal generated = book.deals().get(book.deals().size() / 2);
        Deal deal = Deal.find("externalId", generated.externalId()).firstResult();
        assertEquals(generated.stage(), deal.stage);
        assertEquals(0, generated.amount().compareTo(deal.amount));
        assertEquals(generated.owner(), deal.owner.username);
        assertEquals(generated.createdAt(), deal.createdAt);
        List<DemoStageChange> stored = DealStageHistory.of(deal).stream()
                .peek(h -> assertEquals(StageChangeSource.DEMO, h.source))
                .map(h -> new DemoStageChange(h.fromStage, h.toStage, h.changedAt)).toList();
        assertEquals(generated.history(), stored);

        DemoContact withdrawn = book.contacts().stream()
                .filter(c -> c.consent() == EmailConsent.WITHDRAWN).findFirst().orElseThrow();
        Contact contact = Contact.byEmail(withdrawn.email()).orElseThrow();
        assertEquals(withdrawn.consent(), contact.emailConsent);
        assertEquals(withdrawn.consentAt(), contact.emailConsentAt);
        assertEquals(withdrawn.accountId(), contact.account.externalId);

        Rep james = Rep.byLogin("james").orElseThrow();
        assertEquals("maria", james.manager.username);
        assertEquals(DemoUsers.ENTERPRISE, james.team.name);
        assertEquals(0, DemoUsers.named("james").discountAuthorityPct().compareTo(james.discountAuthorityPct));
        assertTrue(BcryptUtil.matches(DemoUsers.DEMO_PASSWORD, james.passwordHash));
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("team", "rep", "product", "price_book_entry", "account", "account_team_share",
                "contact", "task")) {
            counts.put(table, count("select count(*) from " + table));
        }
        // The vector store's demo adds one renewal deal per account (the churn outcomes its interaction
        // stories lead to, DemoChurnOutcomes); the CRM book is everything else.
        counts.put("deal", count("select count(*) from deal where external_id is null or external_id not like 'demo-renewal-%'"));
        counts.put("deal_stage_history", count("select count(*) from deal_stage_history h join deal d on d.id = h.deal_id"
                + " where d.external_id is null or d.external_id not like 'demo-renewal-%'"));
        counts.put("outbox crm.*", count("select count(*) from outbox where event_type like 'crm.%'"));
        return counts;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
