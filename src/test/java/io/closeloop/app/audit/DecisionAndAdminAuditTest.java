package io.closeloop.app.audit;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.SmtpServer;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.GuardrailCheck;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approvals (rep, edited, manager), rejections, executions and admin changes (erasure, a failed
 * admin request, an admin-only endpoint outside /api/admin) reach the audit log with who, what and
 * the outcome, and an admin's export shows each kind; a rep cannot read the log.
 */
@QuarkusTest
class DecisionAndAdminAuditTest {

    @Inject
    CrmFixtures crm;
    @Inject
    ActionFixtures actions;

    Rep alice;
    Rep manager;
    Rep admin;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        SmtpServer.get();
        Team team = crm.team("audit");
        alice = crm.rep("alice", RepRole.REP, team);
        manager = crm.rep("manager", RepRole.MANAGER, team);
        admin = crm.rep("admin", RepRole.ADMIN, null);
        account = crm.account("Audit Co", alice);
        contact = crm.contact(account, "Ada", EmailConsent.GRANTED);
    }

    private Action draft(GuardrailCheck check) {
        return actions.email(account.id, contact.id, contact.email, CrmFixtures.unique("Audit"), "Hello,\nlet us talk.", check);
    }

    @Test
    void decisionsExecutionsAndAdminChangesAreAuditedAndExportedToAdminsOnly() throws Exception {
        Instant start = Instant.now();
        Action approved = draft(null);
        as(alice).body(Map.of("version", approved.version)).post("/api/actions/{id}/approve", approved.id).then().statusCode(200);
        Action edited = draft(null);
        as(alice).body(Map.of("version", edited.version, "body", "Hello,\nFriday?")).post("/api/actions/{id}/approve", edited.id)
                .then().statusCode(200).body("status", equalTo("EDITED_AND_APPROVED"));
        Action rejected = draft(null);
        as(alice).body(Map.of("version", rejected.version, "reason", "WRONG_TONE")).post("/api/actions/{id}/reject", rejected.id)
                .then().statusCode(200);
        Action held = draft(new GuardrailCheck("NEEDS_APPROVAL", 1L, List.of("DISCOUNT_ABOVE_AUTHORITY")));
        as(manager).body(Map.of("version", held.version)).post("/api/actions/{id}/manager-approval", held.id).then().statusCode(200);
        Action blocked = draft(new GuardrailCheck("BLOCK", 2L, List.of("PII_IN_EMAIL")));
        assertThat(ActionFixtures.await(approved.id, ActionFixtures.status(ActionStatus.EXECUTED), Duration.ofSeconds(20)).status)
                .isEqualTo(ActionStatus.EXECUTED);

        Contact erased = crm.contact(account, "Erin", EmailConsent.GRANTED);
        as(admin).delete("/api/admin/contacts/{id}", erased.id).then().statusCode(200);
        as(admin).delete("/api/admin/contacts/{id}", Long.MAX_VALUE).then().statusCode(404);
        as(admin).body(Map.of("accountId", account.id)).post("/api/interactions/{id}/match", Long.MAX_VALUE).then().statusCode(404);
        as(alice).delete("/api/admin/contacts/{id}", contact.id).then().statusCode(403);

        List<Map<String, Object>> rows = awaitExport(start, r -> has(r, "admin.change", admin.username, "POST /api/interactions/" + Long.MAX_VALUE + "/match", "failed")
                && has(r, "action.executed", "system", "action:" + approved.id, "executed"));
        assertThat(has(rows, "action.approved", alice.username, "action:" + approved.id, "approved")).isTrue();
        assertThat(has(rows, "action.approved", alice.username, "action:" + edited.id, "edited-and-approved")).isTrue();
        assertThat(has(rows, "action.approved", manager.username, "action:" + held.id, "manager-approved")).isTrue();
        assertThat(has(rows, "action.rejected", alice.username, "action:" + rejected.id, "rejected")).isTrue();
        assertThat(has(rows, "action.rejected", "system", "action:" + blocked.id, "rejected")).isTrue();
        assertThat(has(rows, "admin.change", admin.username, "DELETE /api/admin/contacts/" + erased.id, "done")).isTrue();
        assertThat(has(rows, "admin.change", admin.username, "DELETE /api/admin/contacts/" + Long.MAX_VALUE, "failed")).isTrue();
        // the rep's attempt is a permission denial, not an admin change
        assertThat(has(rows, "auth.denied", alice.username, "DELETE /api/admin/contacts/" + contact.id, "denied")).isTrue();
        assertThat(rows).noneMatch(r -> "admin.change".equals(r.get("action")) && alice.username.equals(r.get("actor")));
        // reads are not admin changes
        assertThat(rows).noneMatch(r -> "admin.change".equals(r.get("action")) && String.valueOf(r.get("target")).startsWith("GET "));

        String csv = as(admin).queryParam("format", "csv").get("/api/admin/audit").then().statusCode(200).extract().asString();
        assertThat(csv).contains("action.approved").contains("action.rejected").contains("action.executed").contains("admin.change");
        as(alice).get("/api/admin/audit").then().statusCode(403);
        as(manager).queryParam("format", "csv").get("/api/admin/audit").then().statusCode(403);
    }

    private List<Map<String, Object>> awaitExport(Instant start, Predicate<List<Map<String, Object>>> complete) throws InterruptedException {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100; i++) {
            rows = JsonPath.from(as(admin).queryParam("from", start.toString()).get("/api/admin/audit")
                    .then().statusCode(200).extract().asString()).getList("$");
            if (complete.test(rows)) {
                break;
            }
            Thread.sleep(100);
        }
        return rows;
    }

    private static boolean has(List<Map<String, Object>> rows, String action, String actor, String target, String outcome) {
        return rows.stream().anyMatch(r -> action.equals(r.get("action")) && actor.equals(r.get("actor"))
                && target.equals(r.get("target")) && outcome.equals(r.get("outcome")));
    }
}
