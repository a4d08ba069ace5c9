package io.closeloop.app.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditEntry;
import io.closeloop.kernel.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logins, failures and denials land in the audit log; only admins export it, as JSON or CSV. */
@QuarkusTest
class AuditExportTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    AuditLog audit;

    Rep rep;
    Rep admin;

    @BeforeEach
    void setUp() {
        rep = fixtures.rep("rep", RepRole.REP, null);
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
    }

    @Test
    void failedLoginAndPermissionDenialAreAudited() throws InterruptedException {
        Instant start = Instant.now();
        given().auth().preemptive().basic(rep.username, "wrong-password").get("/api/accounts").then().statusCode(401);
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).get("/api/admin/audit").then().statusCode(403);
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).get("/api/accounts").then().statusCode(200);
        assertThat(await(() -> AuditEntry.count("action = 'auth.login' and outcome = 'failure' and at >= ?1", start))).isPositive();
        assertThat(await(() -> AuditEntry.count("action = 'auth.denied' and actor = ?1 and target = 'GET /api/admin/audit'", rep.username))).isEqualTo(1);
        assertThat(await(() -> AuditEntry.count("action = 'auth.login' and outcome = 'success' and actor = ?1", rep.username))).isEqualTo(1);
    }

    @Test
    void adminExportsJsonAndCsvAndNeutralisesFormulas() throws Exception {
        String marker = CrmFixtures.unique("export");
        audit.record(admin.username, AuditAction.ADMIN_CHANGE, marker, "done", "=HYPERLINK(\"http://evil\")");

        given().auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD).get("/api/admin/audit")
                .then().statusCode(200).contentType("application/json").body("target", hasItem(marker));
        String csv = given().auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD)
                .queryParam("format", "csv").get("/api/admin/audit")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).stream()
                .filter(r -> marker.equals(r.get("target"))).findFirst().orElseThrow();
        assertThat(row.get("detail")).startsWith("'=HYPERLINK");
        QuarkusTransaction.requiringNew().run(() ->
                assertThat(AuditEntry.count("action = 'admin.audit-export' and actor = ?1", admin.username)).isEqualTo(2));
    }

    @Test
    void exportRejectsBadWindowAndFormat() {
        given().auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD).queryParam("from", "yesterday")
                .get("/api/admin/audit").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD).queryParam("format", "xml")
                .get("/api/admin/audit").then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    private static long await(java.util.function.Supplier<Long> count) throws InterruptedException {
        long n = 0;
        for (int i = 0; i < 50 && n == 0; i++) {
            n = QuarkusTransaction.requiringNew().call(count::get);
            if (n == 0) {
                Thread.sleep(100);
            }
        }
        return n;
    }
}
