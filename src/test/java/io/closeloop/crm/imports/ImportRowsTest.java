package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportApi.outboxEvents;
import static io.closeloop.crm.imports.ImportApi.read;
import static io.closeloop.crm.imports.ImportApi.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.deal.DealStageHistory;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row by row: malformed rows, duplicates, ownership and account links, each row applied whole or not at all. */
@QuarkusTest
class ImportRowsTest {

    @Inject
    CrmFixtures fixtures;

    Rep alice;   // rep, east, owns `aliceCo`
    Rep bob;     // rep, east
    Rep carol;   // rep, west
    Rep manager; // manager of east
    Account aliceCo;

    @BeforeEach
    void setUp() {
        Team east = fixtures.team("east");
        Team west = fixtures.team("west");
        alice = fixtures.rep("alice", RepRole.REP, east);
        bob = fixtures.rep("bob", RepRole.REP, east);
        carol = fixtures.rep("carol", RepRole.REP, west);
        manager = fixtures.rep("manager", RepRole.MANAGER, east);
        aliceCo = fixtures.account("Alice Co", alice);
    }

    @Test
    void rejectsMalformedDealRowsWithRowColumnAndReasonAndAppliesTheOthers() {
        String csv = """
                Deal Name,Deal Stage,Amount,Close Date,Associated Company
                Good one,closedwon,"$1,000",2025-01-31,%1$s
                Negative,appointmentscheduled,-500,2025-01-31,%1$s
                Unknown stage,warmlead,100,2025-01-31,%1$s
                Bad date,qualifiedtobuy,100,sometime in Q3,%1$s
                Too many,qualifiedtobuy,100,2025-01-31,%1$s,surplus
                Another good,Contract Sent,2500,03/15/2025,%1$s
                """.formatted(aliceCo.name);
        upload(alice, "deals", csv).then().statusCode(200)
                .body("rows", equalTo(6)).body("created", equalTo(2)).body("rejected", equalTo(4))
                .body("rejections[0].row", equalTo(3)).body("rejections[0].column", equalTo("Amount"))
                .body("rejections[0].reason", equalTo("must not be negative"))
                .body("rejections[1].row", equalTo(4)).body("rejections[1].column", equalTo("Deal Stage"))
                .body("rejections[1].reason", containsString("unknown stage 'warmlead'"))
                .body("rejections[2].row", equalTo(5)).body("rejections[2].column", equalTo("Close Date"))
                .body("rejections[2].reason", containsString("'sometime in Q3' is not a date"))
                .body("rejections[3].row", equalTo(6)).body("rejections[3].column", equalTo("row"))
                .body("rejections[3].reason", equalTo("has 6 values but the header has 5 columns"));

        QuarkusTransaction.requiringNew().run(() -> {
            List<Deal> deals = Deal.list("account.id = ?1 order by id", aliceCo.id);
            assertEquals(List.of("Good one", "Another good"), deals.stream().map(d -> d.name).toList());
            assertEquals(DealStage.CLOSED_WON, deals.get(0).stage);
            assertEquals(new BigDecimal("1000.00"), deals.get(0).amount);
            assertEquals("USD", deals.get(0).currency);
            assertEquals(alice.id, deals.get(0).owner.id);
            assertEquals(LocalDate.of(2025, 3, 15), deals.get(1).closeDate);
            assertEquals(DealStage.NEGOTIATION, deals.get(1).stage);
            assertEquals(2L, DealStageHistory.count("deal.account.id", aliceCo.id), "no history for rejected rows");
        });
    }

    @Test
    void rejectsMalformedContactAndAccountRowsAndAppliesTheOthers() {
        String good = CrmFixtures.unique("good") + "@" + aliceCo.domain;
        upload(alice, "contacts", """
                First Name,Last Name,Email,Associated Company,Unsubscribed from all email
                Jane,Good,%2$s,%1$s,false
                Bad,Email,jane.doe@,%1$s,false
                Bad,Flag,flag@%3$s,%1$s,maybe
                ,,,%1$s,false
                """.formatted(aliceCo.name, good, aliceCo.domain)).then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("rejections.column", equalTo(List.of("Email", "Unsubscribed from all email", "Email")))
                .body("rejections[0].reason", containsString("'jane.doe@' is not an e-mail address"))
                .body("rejections[2].reason", containsString("needs a name or an e-mail address"));
        assertEquals(1L, read(() -> Contact.count("account.id", aliceCo.id)));

        String name = CrmFixtures.unique("Revenue");
        upload(alice, "accounts", """
                Company name,Annual Revenue,Tier,Company Domain Name
                %1$s,"12,5,0",SMB,
                %1$s,-10,SMB,
                %1$s,100,Platinum,
                %1$s,100,SMB,not a domain
                %1$s,"1,200.50",Mid-Market,
                """.formatted(name)).then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(4))
                .body("rejections.column", equalTo(List.of("Annual Revenue", "Annual Revenue", "Tier", "Company Domain Name")));
        Account created = read(() -> Account.find("name", name).firstResult());
        assertEquals(new BigDecimal("1200.50"), created.annualRevenue);
        assertEquals(io.closeloop.crm.account.AccountTier.MID_MARKET, created.tier);
    }

    @Test
    void duplicateRowsWithinTheFileAreAppliedOnceAndAConflictingOneIsRejected() {
        String email = CrmFixtures.unique("dup") + "@" + aliceCo.domain;
        String csv = """
                Email,First Name,Job Title,Associated Company
                %1$s,Dana,CTO,%2$s
                %3$s,Dana,CTO,%2$s
                %1$s,Dana,Intern,%2$s
                """.formatted(email, aliceCo.name, email.toUpperCase());
        upload(alice, "contacts", csv).then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(1)).body("rejected", equalTo(1))
                .body("notes.find { it.row == 3 }.note", containsString("duplicate of row 2"))
                .body("rejections[0].row", equalTo(4)).body("rejections[0].column", equalTo("Job Title"))
                .body("rejections[0].reason", containsString("duplicate of row 2 with different values in Job Title"));
        Contact contact = read(() -> Contact.find("normalizedEmail", email).firstResult());
        assertEquals("CTO", contact.title);

        long events = outboxEvents();
        upload(alice, "contacts", csv).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2)).body("rejected", equalTo(1));
        Contact again = read(() -> Contact.find("normalizedEmail", email).firstResult());
        assertEquals(contact.version, again.version);
        assertEquals("CTO", again.title);
        assertEquals(events, outboxEvents());
    }

    @Test
    void rowsMatchingExistingRecordsUpdateThemInsteadOfCreatingDuplicates() {
        Contact dana = fixtures.contact(aliceCo, "Dana", EmailConsent.GRANTED);
        // The account by its normalised name (another case, a legal suffix), the contact by e-mail in capitals.
        upload(alice, "accounts", "Company name,Industry\n\"" + aliceCo.name.toUpperCase() + ", Inc.\",Logistics\n")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1))
                .body("changes[0].id", equalTo(aliceCo.id.intValue()))
                .body("changes[0].columns", equalTo(List.of("Company name", "Industry")));
        upload(alice, "accounts", "Website,Company name,Annual Revenue\nhttps://www." + aliceCo.domain + "/pricing,"
                + aliceCo.name + ",\"$2,000,000\"\n")
                .then().statusCode(200).body("updated", equalTo(1)).body("changes[0].id", equalTo(aliceCo.id.intValue()));
        upload(alice, "contacts", "Email,Job Title,Email Opt Out\n" + dana.email.toUpperCase() + ",COO,1\n")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1))
                .body("changes[0].id", equalTo(dana.id.intValue()));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1L, Account.count("normalizedName", aliceCo.normalizedName));
            Account account = Account.findById(aliceCo.id);
            assertEquals("Logistics", account.industry);
            assertEquals(aliceCo.name, account.name);
            assertEquals(new BigDecimal("2000000.00"), account.annualRevenue);
            assertEquals(aliceCo.version + 2, account.version, "one version per updating row");
            Contact contact = Contact.findById(dana.id);
            assertEquals("COO", contact.title);
            assertEquals(EmailConsent.WITHDRAWN, contact.emailConsent);
            Number consentEvents = (Number) OutboxEvent.getEntityManager().createNativeQuery(
                    "select count(*) from outbox where event_type = 'crm.contact.consent-changed' and (payload->>'contactId')::bigint = ?1")
                    .setParameter(1, dana.id).getSingleResult();
            assertEquals(1, consentEvents.intValue());
        });
    }

    @Test
    void aRepCannotImportRowsThatTouchAnotherRepsAccount() {
        Account before = read(() -> Account.findById(aliceCo.id));
        Contact dana = fixtures.contact(aliceCo, "Dana", EmailConsent.UNKNOWN);
        fixtures.deal(aliceCo, "Renewal", DealStage.PROPOSAL, alice);
        String carolsName = CrmFixtures.unique("Carols Own");

        upload(carol, "accounts", """
                Company name,Company Domain Name,Industry,Company owner
                Hijack,%s,Gambling,
                %s,,Mining,
                %s,,Retail,%s
                %s,,Retail,
                """.formatted(aliceCo.domain, aliceCo.name, CrmFixtures.unique("For Alice"), alice.email, carolsName))
                .then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(0)).body("rejected", equalTo(3))
                .body("rejections[0].column", equalTo("Company Domain Name"))
                .body("rejections[0].reason", containsString("may not change"))
                .body("rejections[1].column", equalTo("Company name"))
                .body("rejections[2].column", equalTo("Company owner"))
                .body("rejections[2].reason", containsString("Only a manager or an admin"));
        upload(carol, "contacts", "Email,Job Title\n" + dana.email + ",Hijacked\n").then().statusCode(200)
                .body("rejected", equalTo(1)).body("rejections[0].column", equalTo("Email"));
        upload(carol, "contacts", "Email,Associated Company\nnew@" + aliceCo.domain + "," + aliceCo.name + "\n").then().statusCode(200)
                .body("rejected", equalTo(1)).body("rejections[0].column", equalTo("Associated Company"));
        upload(carol, "deals", "Deal Name,Deal Stage,Associated Company\nRenewal,closedlost," + aliceCo.name + "\n").then().statusCode(200)
                .body("rejected", equalTo(1)).body("rejections[0].column", equalTo("Associated Company"));

        QuarkusTransaction.requiringNew().run(() -> {
            Account account = Account.findById(aliceCo.id);
            assertEquals(before.version, account.version);
            assertEquals("Software", account.industry);
            assertEquals(alice.id, account.owner.id);
            assertEquals(DealStage.PROPOSAL, Deal.<Deal>find("account.id", aliceCo.id).firstResult().stage);
            assertEquals(null, Contact.<Contact>findById(dana.id).title);
            assertEquals(1L, Contact.count("account.id", aliceCo.id));
            Account own = Account.find("name", carolsName).firstResult();
            assertEquals(carol.id, own.owner.id);
        });
    }

    @Test
    void aManagerAssignsOwnersWithinTheTeamOnlyAndUnknownOwnersFallBackToTheImporter() {
        String aliceName = CrmFixtures.unique("Alice Example");
        String twinName = CrmFixtures.unique("Twin Name");
        QuarkusTransaction.requiringNew().run(() -> {
            Rep.<Rep>findById(alice.id).fullName = aliceName;
            Rep.<Rep>findById(bob.id).fullName = twinName;
            Rep.<Rep>findById(carol.id).fullName = twinName;
        });
        String forAlice = CrmFixtures.unique("Team Account");
        String forCarol = CrmFixtures.unique("Other Team Account");
        String forNobody = CrmFixtures.unique("Ghost Owned");
        String forTwin = CrmFixtures.unique("Twin Owned");
        upload(manager, "accounts", """
                Account Name,Account Owner
                %s,%s
                %s,%s
                %s,Somebody Who Left
                %s,%s
                """.formatted(forAlice, aliceName.toUpperCase(), forCarol, carol.email, forNobody, forTwin, twinName))
                .then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(1))
                .body("rejections[0].row", equalTo(3)).body("rejections[0].column", equalTo("Account Owner"))
                .body("rejections[0].reason", containsString("own team"))
                .body("notes.row", equalTo(List.of(4, 5)))
                .body("notes[0].note", equalTo("'Somebody Who Left' is not a Closeloop user; the account is yours"))
                .body("notes[1].note", containsString("names 2 users"));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(alice.id, Account.<Account>find("name", forAlice).firstResult().owner.id, "owner by full name");
            assertEquals(manager.id, Account.<Account>find("name", forNobody).firstResult().owner.id);
            assertEquals(manager.id, Account.<Account>find("name", forTwin).firstResult().owner.id, "an ambiguous name is not guessed");
            assertEquals(0L, Account.count("name", forCarol));
        });
    }

    @Test
    void contactsAttachToTheirAccountByDomainNameOrEmailDomain() {
        String prefix = CrmFixtures.unique("link");
        String name = aliceCo.name.toLowerCase() + " GmbH";
        upload(alice, "contacts", """
                First Name,Email,Associated Company,Company Domain Name
                ByDomain,%1$s-a@elsewhere.example,,%2$s
                ByName,%1$s-b@elsewhere.example,%3$s,
                ByEmail,%1$s-c@%2$s,,
                Nowhere,%1$s-d@elsewhere.example,Nonexistent Corp,
                Homeless,%1$s-e@elsewhere.example,,
                """.formatted(prefix, aliceCo.domain, name)).then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(2))
                .body("rejections[0].column", equalTo("Associated Company"))
                .body("rejections[0].reason", containsString("no account 'Nonexistent Corp' exists"))
                .body("rejections[1].row", equalTo(6));
        List<String> attached = read(() -> Contact.<Contact>list("account.id = ?1 order by id", aliceCo.id).stream()
                .map(c -> c.firstName).toList());
        assertEquals(List.of("ByDomain", "ByName", "ByEmail"), attached);
    }

    @Test
    void stageChangesFromAnImportAreRecordedInTheHistoryWithSourceImport() {
        Deal deal = fixtures.deal(aliceCo, "Expansion", DealStage.PROPOSAL, alice);
        long events = read(() -> OutboxEvent.count("eventType", "crm.deal.stage-changed"));
        upload(alice, "deals", "Opportunity Name,Account Name,Stage,Amount\nExpansion," + aliceCo.name + ",Closed Won,12000\n")
                .then().statusCode(200).body("updated", equalTo(1))
                .body("changes[0].id", equalTo(deal.id.intValue()))
                .body("changes[0].columns", hasItem("Stage"));
        QuarkusTransaction.requiringNew().run(() -> {
            List<DealStageHistory> history = DealStageHistory.of(Deal.findById(deal.id));
            assertEquals(2, history.size());
            DealStageHistory last = history.get(1);
            assertEquals(DealStage.PROPOSAL, last.fromStage);
            assertEquals(DealStage.CLOSED_WON, last.toStage);
            assertEquals(StageChangeSource.IMPORT, last.source);
            assertEquals(alice.id, last.changedBy.id);
            assertEquals(deal.version + 1, Deal.<Deal>findById(deal.id).version, "12000 is the amount it had: only the stage changed");
        });
        assertEquals(events + 1, read(() -> OutboxEvent.count("eventType", "crm.deal.stage-changed")));
    }
}
