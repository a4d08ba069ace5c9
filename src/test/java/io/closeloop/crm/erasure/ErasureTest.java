package io.closeloop.crm.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.task.Task;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditEntry;
import io.closeloop.kernel.audit.AuditLog;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin erases a contact or an account: nothing of them stays findable, counts stay, a record says so. */
@QuarkusTest
class ErasureTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    RetentionService retention;

    Rep alice;
    Rep manager;
    Rep admin;
    Account account;
    Contact dana;
    Contact other;
    String danaName;
    Long taskId;
    Long auditId;

    @BeforeEach
    void setUp() {
        Team team = fixtures.team("erasure");
        alice = fixtures.rep("alice", RepRole.REP, team);
        manager = fixtures.rep("manager", RepRole.MANAGER, team);
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
        account = fixtures.account("Erasable Co", alice);
        dana = fixtures.contact(account, CrmFixtures.unique("Dana"), EmailConsent.GRANTED);
        other = fixtures.contact(account, CrmFixtures.unique("Olga"), EmailConsent.GRANTED);
        fixtures.deal(account, "Renewal", DealStage.PROPOSAL, alice);
        danaName = dana.firstName + " " + dana.lastName;
        taskId = QuarkusTransaction.requiringNew().call(() -> {
            Task task = new Task();
            task.account = Account.findById(account.id);
            task.contact = Contact.findById(dana.id);
            task.owner = Rep.findById(alice.id);
            task.subject = "Call " + danaName + " about renewal";
            task.notes = "Write to " + dana.email + "; " + danaName + " prefers mornings. Olga is CFO.";
            task.dueDate = LocalDate.now();
            task.createdAt = Instant.now();
            task.updatedAt = Instant.now();
            task.persist();
            return task.id;
        });
        auditId = audit.record(alice.username, AuditAction.ADMIN_CHANGE, "contact:" + dana.id, "done",
                "renamed to " + danaName).id;
    }

    static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void adminErasesContactAndNothingOfThemRemainsFindable() {
        long auditRowsBefore = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action not in ('auth.login', 'admin.change')"));

        as(admin).queryParam("reason", "GDPR art. 17 request").delete("/api/admin/contacts/{id}", dana.id)
                .then().statusCode(200)
                .body("subjectKind", equalTo("CONTACT"))
                .body("counts.'crm.contacts.deleted'", equalTo(1))
                .body("counts.'crm.tasks.redacted'", equalTo(1))
                .body("counts.'audit.entries.redacted'", equalTo(1));

        as(admin).get("/api/contacts/{id}", dana.id).then().statusCode(404);
        as(alice).get("/api/contacts?accountId={id}", account.id).then().statusCode(200)
                .body("items.id", everyItem(not(equalTo(dana.id.intValue()))))
                .body("total", equalTo(1));
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = Task.findById(taskId);
            assertThat(task).as("the task stays, its text loses the person").isNotNull();
            assertThat(task.subject + task.notes).doesNotContainIgnoringCase(danaName).doesNotContainIgnoringCase(dana.email)
                    .contains(Redaction.MARK).contains("Olga is CFO");
            assertThat(task.contact).isNull();
            AuditEntry entry = AuditEntry.findById(auditId);
            assertThat(entry.detail).isEqualTo("renamed to " + Redaction.MARK);
            assertThat(AuditEntry.count("action not in ('auth.login', 'admin.change')")).as("audit rows are kept (plus the erasure's own)").isEqualTo(auditRowsBefore + 1);
            ErasureRecord record = ErasureRecord.find("subjectKind = 'CONTACT' and subjectId = ?1", dana.id).singleResult();
            assertThat(record.requestedBy).isEqualTo(admin.id);
            assertThat(record.counts).doesNotContain(dana.firstName).contains("\"crm.contacts.deleted\": 1");
            assertThat(OutboxEvent.<OutboxEvent>list("eventType", "crm.contact.erased"))
                    .filteredOn(e -> e.payload.replace(" ", "").contains("\"contactId\":" + dana.id + ",")
                            || e.payload.replace(" ", "").contains("\"contactId\":" + dana.id + "}"))
                    .hasSize(1);
            assertThat((Contact) Contact.findById(other.id)).as("the colleague is untouched").isNotNull();
        });
    }

    @Test
    void adminErasesAccountWithItsContactsDealsAndTasks() {
        as(admin).delete("/api/admin/accounts/{id}", account.id).then().statusCode(200)
                .body("counts.'crm.accounts.deleted'", equalTo(1))
                .body("counts.'crm.contacts.deleted'", equalTo(2))
                .body("counts.'crm.deals.deleted'", equalTo(1))
                .body("counts.'crm.tasks.deleted'", equalTo(1));

        as(admin).get("/api/accounts/{id}", account.id).then().statusCode(404);
        as(admin).get("/api/accounts?q={q}", account.name).then().statusCode(200).body("total", equalTo(0));
        as(admin).get("/api/contacts/{id}", other.id).then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat((Task) Task.findById(taskId)).isNull();
            assertThat(((AuditEntry) AuditEntry.findById(auditId)).detail).doesNotContain(danaName);
        });
    }

    @Test
    void repsAndManagersCannotEraseAndNothingChanges() {
        for (Rep rep : new Rep[] { alice, manager }) {
            as(rep).delete("/api/admin/contacts/{id}", dana.id).then().statusCode(403)
                    .contentType("application/problem+json");
            as(rep).delete("/api/admin/accounts/{id}", account.id).then().statusCode(403);
        }
        given().delete("/api/admin/contacts/{id}", dana.id).then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat((Contact) Contact.findById(dana.id)).isNotNull();
            assertThat(ErasureRecord.count("subjectId = ?1 and subjectKind = 'CONTACT'", dana.id)).isZero();
        });
    }

    @Test
    void erasingAnUnknownContactIsNotFoundAndWritesNoRecord() {
        long before = QuarkusTransaction.requiringNew().call(() -> ErasureRecord.count());
        as(admin).delete("/api/admin/contacts/{id}", Long.MAX_VALUE).then().statusCode(404)
                .body("type", equalTo("urn:closeloop:problem:not-found"));
        as(admin).delete("/api/admin/contacts/not-a-number").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ErasureRecord.count())).isEqualTo(before);
    }

    @Test
    void retentionPurgeRecordsItsCutoffFromTheConfiguredPeriod() {
        Instant now = Instant.parse("2000-01-01T00:00:00Z"); // nothing of other tests is that old
        ErasureRecord record = retention.purge(now).orElseThrow();
        assertThat(record.subjectKind).isEqualTo("RETENTION");
        assertThat(record.reason).isEqualTo("interactions before " + now.minus(400, ChronoUnit.DAYS));
    }
}
