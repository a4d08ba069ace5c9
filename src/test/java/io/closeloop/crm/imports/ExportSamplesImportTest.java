package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportApi.outboxEvents;
import static io.closeloop.crm.imports.ImportApi.read;
import static io.closeloop.crm.imports.ImportApi.sample;
import static io.closeloop.crm.imports.ImportApi.stageHistoryRows;
import static io.closeloop.crm.imports.ImportApi.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Realistic HubSpot and Salesforce exports (src/test/resources/import) import completely, land
 * the values where they belong, and importing them a second time changes nothing at all.
 */
@QuarkusTest
class ExportSamplesImportTest {

    @Inject
    CrmFixtures fixtures;

    Rep admin;
    Rep jordan;
    Rep maya;

    @BeforeEach
    void setUp() {
        admin = fixtures.rep("sales-ops", RepRole.ADMIN, null);
        jordan = sampleOwner("Jordan Lee", "jordan.lee@closeloop.test");
        maya = sampleOwner("Maya Okafor", "maya.okafor@closeloop.test");
    }

    @Test
    void importsHubSpotExportsAndReimportingThemChangesNothing() {
        upload(admin, "accounts", sample("hubspot-companies.csv")).then().statusCode(200)
                .body("kind", equalTo("accounts"))
                .body("rows", equalTo(13)).body("created", equalTo(12)).body("updated", equalTo(0))
                .body("unchanged", equalTo(1)).body("rejected", equalTo(0))
                .body("ignoredColumns", contains("Create Date", "Phone Number", "City", "Lifecycle Stage"))
                .body("notes.find { it.row == 8 }.column", equalTo("Company owner"))
                .body("notes.find { it.row == 8 }.note", containsString("'Former Employee' is not a Closeloop user"))
                .body("notes.findAll { it.row == 14 }.note", hasItem(containsString("duplicate of row 2")));
        upload(admin, "contacts", sample("hubspot-contacts.csv")).then().statusCode(200)
                .body("rows", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0));
        upload(admin, "deals", sample("hubspot-deals.csv")).then().statusCode(200)
                .body("rows", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0));

        QuarkusTransaction.requiringNew().run(() -> {
            Account northpeak = Account.find("externalId", "9051234002").firstResult();
            assertEquals("Northpeak Logistics, Inc.", northpeak.name);
            assertEquals("northpeak-logistics.com", northpeak.domain);
            assertEquals(0, new BigDecimal("48000000").compareTo(northpeak.annualRevenue));
            assertEquals(jordan.id, northpeak.owner.id);
            Account brightwave = Account.find("domain", "brightwave.io").firstResult();
            assertEquals("9051234001", brightwave.externalId, "the duplicate row must not take over the record");
            assertEquals(0, new BigDecimal("12500000").compareTo(brightwave.annualRevenue));
            assertEquals(0, new BigDecimal("95000000").compareTo(account("9051234006").annualRevenue));
            assertEquals(0, new BigDecimal("3100000").compareTo(account("9051234005").annualRevenue));
            assertEquals(maya.id, account("9051234003").owner.id, "owner by e-mail");
            assertEquals(admin.id, account("9051234007").owner.id, "unknown owner falls back to the importing user");
            assertNull(account("9051234010").domain);

            Contact priya = contact("31001");
            assertEquals("priya.shah@brightwave.io", priya.normalizedEmail);
            assertEquals(brightwave.id, priya.account.id);
            assertEquals(EmailConsent.GRANTED, priya.emailConsent);
            assertEquals(EmailConsent.UNKNOWN, contact("31002").emailConsent);
            assertEquals(EmailConsent.WITHDRAWN, contact("31003").emailConsent, "unsubscribed wins over marketing contact");
            assertEquals(northpeak.id, contact("31003").account.id, "attached by normalised company name");
            assertEquals(account("9051234003").id, contact("31004").account.id, "no company: attached by e-mail domain");
            assertEquals(account("9051234006").id, contact("31007").account.id, "'Ferrovia Rail Systems' is '... GmbH'");
            assertEquals(account("9051234010").id, contact("31011").account.id, "attached by name when the account has no domain");

            Deal renewal = deal("7701001");
            assertEquals(DealStage.CLOSED_WON, renewal.stage);
            assertEquals(new BigDecimal("120000.00"), renewal.amount);
            assertEquals(LocalDate.of(2025, 1, 31), renewal.closeDate);
            assertEquals(jordan.id, renewal.owner.id);
            List<DealStageHistory> history = DealStageHistory.of(renewal);
            assertEquals(1, history.size());
            assertEquals(StageChangeSource.IMPORT, history.get(0).source);
            assertEquals(admin.id, history.get(0).changedBy.id);
            assertEquals(DealStage.NEGOTIATION, deal("7701002").stage);
            assertEquals(DealStage.NEEDS_ANALYSIS, deal("7701003").stage);
            assertEquals(LocalDate.of(2025, 8, 1), deal("7701004").closeDate);
            assertEquals(DealStage.PROPOSAL, deal("7701006").stage);
            assertEquals("GBP", deal("7701006").currency);
            assertEquals(new BigDecimal("380000.00"), deal("7701007").amount);
            assertEquals("EUR", deal("7701007").currency);
            assertEquals(DealStage.CLOSED_LOST, deal("7701008").stage);
            assertEquals(admin.id, deal("7701008").owner.id);
            assertEquals(new BigDecimal("96750.50"), deal("7701012").amount);
        });

        assertReimportChangesNothing("hubspot-companies.csv", "hubspot-contacts.csv", "hubspot-deals.csv");
    }

    @Test
    void importsSalesforceExportsAndReimportingThemChangesNothing() {
        upload(admin, "accounts", sample("salesforce-accounts.csv")).then().statusCode(200)
                .body("rows", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0))
                .body("notes.find { it.row == 10 }.note", containsString("'Integration User' is not a Closeloop user"));
        upload(admin, "contacts", sample("salesforce-contacts.csv")).then().statusCode(200)
                .body("rows", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0))
                .body("ignoredColumns", contains("Contact Owner"));
        upload(admin, "deals", sample("salesforce-opportunities.csv")).then().statusCode(200)
                .body("rows", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0));

        QuarkusTransaction.requiringNew().run(() -> {
            Account halcyon = account("0015g00000QrStUAA1");
            assertEquals("halcyonmed.com", halcyon.domain);
            assertEquals(jordan.id, halcyon.owner.id);
            assertEquals("granitepeak-ins.com", account("0015g00000QrStVAA1").domain);
            assertEquals(jordan.id, account("0015g00000QrStYAA1").owner.id, "owner by e-mail");
            assertNull(account("0015g00000QrSu1AA1").annualRevenue);

            assertEquals(halcyon.id, contact("0035g00000AbCd1AAD").account.id);
            assertEquals(EmailConsent.WITHDRAWN, contact("0035g00000AbCd3AAD").emailConsent, "Email Opt Out 1");
            assertEquals(EmailConsent.UNKNOWN, contact("0035g00000AbCd1AAD").emailConsent, "not opting out is not consent");

            Deal portal = deal("0065g00000XyZa1AAB");
            assertEquals(DealStage.PROPOSAL, portal.stage);
            assertEquals(LocalDate.of(2025, 3, 31), portal.closeDate);
            assertEquals(new BigDecimal("145000.00"), portal.amount);
            assertEquals(halcyon.id, portal.account.id);
            assertEquals(DealStage.NEGOTIATION, deal("0065g00000XyZa2AAB").stage);
            assertEquals(DealStage.CLOSED_WON, deal("0065g00000XyZa5AAB").stage);
            assertEquals(DealStage.NEEDS_ANALYSIS, deal("0065g00000XyZa7AAB").stage);
            assertEquals("GBP", deal("0065g00000XyZa7AAB").currency);
            assertEquals(DealStage.PROPOSAL, deal("0065g00000XyZa9AAB").stage);
            assertEquals(DealStage.CLOSED_LOST, deal("0065g00000XyZaAAAR").stage);
            assertEquals(LocalDate.of(2024, 12, 12), deal("0065g00000XyZaAAAR").closeDate);
            assertEquals("EUR", deal("0065g00000XyZaBAAR").currency);
            assertEquals(new BigDecimal("52000.00"), deal("0065g00000XyZaBAAR").amount);
        });

        assertReimportChangesNothing("salesforce-accounts.csv", "salesforce-contacts.csv", "salesforce-opportunities.csv");
    }

    /** The second import: every row unchanged, no version bump, no history row, no event. */
    private void assertReimportChangesNothing(String accounts, String contacts, String deals) {
        String before = fingerprint();
        long events = outboxEvents();
        long history = stageHistoryRows();
        for (String[] file : new String[][] { { "accounts", accounts }, { "contacts", contacts }, { "deals", deals } }) {
            JsonPath report = upload(admin, file[0], sample(file[1])).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(0, 0, 0), List.of(report.getInt("created"), report.getInt("updated"), report.getInt("rejected")), file[1]);
            assertEquals(report.getInt("rows"), report.getInt("unchanged"), file[1]);
            assertEquals(List.of(), report.getList("changes"), file[1]);
        }
        assertEquals(before, fingerprint(), "ids, versions and update times of every record");
        assertEquals(events, outboxEvents(), "no outbox events");
        assertEquals(history, stageHistoryRows(), "no stage history rows");
    }

    /** Every account, contact and deal with its version and last update time. */
    private static String fingerprint() {
        return read(() -> Stream.of(
                Account.<Account>listAll().stream().map(a -> "a" + a.id + "v" + a.version + "@" + a.updatedAt),
                Contact.<Contact>listAll().stream().map(c -> "c" + c.id + "v" + c.version + "@" + c.updatedAt),
                Deal.<Deal>listAll().stream().map(d -> "d" + d.id + "v" + d.version + "@" + d.updatedAt + d.stage))
                .flatMap(s -> s).sorted().collect(Collectors.joining(",")));
    }

    private Rep sampleOwner(String fullName, String email) {
        Optional<Rep> existing = read(() -> Rep.<Rep>find("email", email).firstResultOptional());
        if (existing.isPresent()) {
            return existing.get();
        }
        Rep rep = fixtures.rep(fullName.split(" ")[0].toLowerCase(), RepRole.REP, fixtures.team("samples"));
        QuarkusTransaction.requiringNew().run(() -> {
            Rep managed = Rep.findById(rep.id);
            managed.fullName = fullName;
            managed.email = email;
        });
        return read(() -> Rep.findById(rep.id));
    }

    private static Account account(String externalId) {
        return Account.find("externalId", externalId).firstResult();
    }

    private static Contact contact(String externalId) {
        return Contact.find("externalId", externalId).firstResult();
    }

    private static Deal deal(String externalId) {
        return Deal.find("externalId", externalId).firstResult();
    }
}
