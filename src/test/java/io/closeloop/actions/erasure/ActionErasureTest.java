package io.closeloop.actions.erasure;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.erasure.ErasureRecord;
import io.closeloop.crm.erasure.Redaction;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing a contact reaches the action loop: a drafted e-mail to them and a rejected one whose
 * feedback names them keep their rows, statuses and report counts, but nothing of the person is
 * left in /api/actions, the history, the reports (JSON and CSV) or any text column.
 */
@QuarkusTest
class ActionErasureTest {

    @Inject
    CrmFixtures crm;
    @Inject
    ActionFixtures actions;
    @Inject
    EntityManager em;

    Rep alice;
    Rep manager;
    Rep admin;
    Account account;
    Contact dana;
    String name;
    String phone;
    Action drafted;
    Action rejected;

    @BeforeEach
    void setUp() {
        Team team = crm.team("erase-loop");
        alice = crm.rep("alice", RepRole.REP, team);
        manager = crm.rep("manager", RepRole.MANAGER, team);
        admin = crm.rep("admin", RepRole.ADMIN, null);
        account = crm.account("Erase Loop Co", alice);
        dana = crm.contact(account, CrmFixtures.unique("Dana"), EmailConsent.GRANTED);
        phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));
        QuarkusTransaction.requiringNew().run(() -> ((Contact) Contact.findById(dana.id)).phone = phone);
        name = dana.firstName + " " + dana.lastName;
        drafted = actions.email(account.id, dana.id, dana.email, "Renewal for " + name,
                "Hello " + name + ",\nI will call you on " + phone + " tomorrow.", null);
        rejected = actions.email(account.id, dana.id, dana.email, "Pricing for " + name,
                "Dear " + name + ", here is the price list.", null);
        as(alice).body(Map.of("version", rejected.version, "reason", "OTHER",
                        "reasonText", "Wrong person: " + name + " left, write to " + dana.email + " no more"))
                .post("/api/actions/{id}/reject", rejected.id).then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void contactErasureRedactsDraftsHistoryAndFeedbackButKeepsRowsAndCounts() {
        String decisionsBefore = report("decisions", "json");
        String decisionsCsvBefore = report("decisions", "csv");
        String reasonsBefore = report("rejection-reasons", "json");
        long eventsBefore = count("select count(*) from action_event where action_id in (?1, ?2)");

        as(admin).queryParam("reason", "GDPR art. 17").delete("/api/admin/contacts/{id}", dana.id).then().statusCode(200)
                .body("counts.'actions.actions.redacted'", equalTo(2))
                .body("counts.'actions.feedback.redacted'", equalTo(1))
                .body("counts.'actions.events.redacted'", greaterThanOrEqualTo(3));

        // the API: the queue, each action and its history
        String queue = as(alice).get("/api/actions?size=100").then().statusCode(200)
                .body("items.id", hasItems(drafted.id.intValue(), rejected.id.intValue())).extract().asString();
        assertNothingOfDana(queue);
        for (Action a : List.of(drafted, rejected)) {
            assertNothingOfDana(as(alice).get("/api/actions/{id}", a.id).then().statusCode(200).extract().asString());
            assertNothingOfDana(as(alice).get("/api/actions/{id}/history", a.id).then().statusCode(200).extract().asString());
        }
        as(alice).get("/api/actions/{id}", drafted.id).then().body("recipients[0]", equalTo(Redaction.MARK))
                .body("status", equalTo("DRAFTED"));
        as(alice).get("/api/actions/{id}", rejected.id).then().body("status", equalTo("REJECTED"));

        // the reports and their CSV export: the same counts, no name
        assertThat(report("decisions", "json")).isEqualTo(decisionsBefore);
        assertThat(report("decisions", "csv")).isEqualTo(decisionsCsvBefore);
        assertThat(report("rejection-reasons", "json")).isEqualTo(reasonsBefore);
        assertNothingOfDana(decisionsCsvBefore + reasonsBefore);

        // the database: every text column of the rows, and the rows themselves
        String stored = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery("""
                select string_agg(t, ' ') from (
                  select concat_ws(' ', array_to_string(recipients, ' '), subject, body, draft_subject, draft_body,
                                   old_value, new_value, last_error, origin_ref) t from action where id in (?1, ?2)
                  union all select concat_ws(' ', before::text, after::text, note) from action_event where action_id in (?1, ?2)
                  union all select concat_ws(' ', draft_text, final_text, changes::text, reason_text) from feedback
                            where action_id in (?1, ?2)) all_text""")
                .setParameter(1, drafted.id).setParameter(2, rejected.id).getSingleResult()));
        assertNothingOfDana(stored);
        assertThat(stored).contains(Redaction.MARK).contains("here is the price list");
        assertThat(count("select count(*) from action where id in (?1, ?2)")).isEqualTo(2);
        assertThat(count("select count(*) from action_event where action_id in (?1, ?2)")).isEqualTo(eventsBefore);
        assertThat(count("select count(*) from feedback where action_id in (?1, ?2) and reason_code = 'OTHER'")).isEqualTo(1);

        // the erasure record names the part, not the person
        String counts = QuarkusTransaction.requiringNew().call(() ->
                ErasureRecord.<ErasureRecord>find("subjectKind = 'CONTACT' and subjectId = ?1", dana.id).firstResult().counts);
        assertThat(counts).contains("actions.actions.redacted").contains("actions.feedback.redacted");
        assertNothingOfDana(counts);
    }

    @Test
    void accountErasureKeepsItsActionsDetachedAndRedacted() {
        long decided = count("select count(*) from action where id in (?1, ?2) and status in ('DRAFTED', 'REJECTED')");

        as(admin).delete("/api/admin/accounts/{id}", account.id).then().statusCode(200)
                .body("counts.'actions.actions.detached'", equalTo(2));

        assertThat(count("select count(*) from action where id in (?1, ?2) and account_id is null and contact_id is null"
                + " and status in ('DRAFTED', 'REJECTED')")).isEqualTo(decided).isEqualTo(2);
        assertThat(count("select count(*) from feedback where action_id in (?1, ?2)")).isEqualTo(1);
        Action kept = ActionFixtures.load(rejected.id);
        assertThat(kept.status).isEqualTo(ActionStatus.REJECTED);
        assertNothingOfDana(kept.subject + kept.body + kept.recipients + kept.draftSubject + kept.draftBody);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, drafted.id).setParameter(2, rejected.id).getSingleResult()).longValue());
    }

    private String report(String report, String format) {
        return as(manager).queryParam("by", "type").queryParam("format", format).get("/api/reports/{r}", report)
                .then().statusCode(200).extract().asString();
    }

    private void assertNothingOfDana(String text) {
        assertThat(text).doesNotContainIgnoringCase(name).doesNotContainIgnoringCase(dana.email).doesNotContain(phone);
    }
}
