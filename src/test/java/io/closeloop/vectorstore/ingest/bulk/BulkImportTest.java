package io.closeloop.vectorstore.ingest.bulk;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static io.closeloop.vectorstore.VectorStoreFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.VectorStoreFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk import of CSV and JSONL: bad rows are reported by line and the rest proceed; progress is visible; repeats are idempotent. */
@QuarkusTest
class BulkImportTest {

    @Inject
    CrmFixtures crm;
    @Inject
    VectorStoreFixtures store;

    Rep alice;

    @BeforeEach
    void setUp() {
        alice = crm.rep("importer", RepRole.REP, crm.team("import"));
    }

    JsonPath upload(byte[] file, String contentType) {
        String location = as(alice).contentType(contentType).body(file).post("/api/interactions/imports?fileName=test")
                .then().statusCode(202).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await("import " + id + " finished", Duration.ofSeconds(60),
                () -> !"RUNNING".equals(as(alice).get("/api/interactions/imports/{id}", id).then().extract().path("state")));
        return as(alice).get("/api/interactions/imports/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void csvRowsWithErrorsAreReportedByLineAndTheRestAreStored() throws Exception {
        String a = CrmFixtures.unique("csv"), b = CrmFixtures.unique("csv"), c = CrmFixtures.unique("csv"),
                d = CrmFixtures.unique("csv"), e = CrmFixtures.unique("csv"), f = CrmFixtures.unique("csv");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(("external_id,channel,occurred_at,account_id,subject,body,to_emails\n"
                + a + ",EMAIL,2026-01-05T10:00:00Z,,Quote,\"We need 40 seats, annual term.\nThanks, Kim\",\n"  // lines 2-3: good
                + b + ",EMAIL,2026-01-05T10:00:00Z,,Too few fields\n"                                        // line 4
                + c + ",CALL,2026-01-05T10:00:00Z,,Bad bytes,caf").getBytes(StandardCharsets.UTF_8));
        csv.write(new byte[] { (byte) 0xC3, '\n' });                                                          // line 5
        csv.writeBytes((d + ",NOTE,2026-01-05T10:00:00Z,abc,Bad id,Renewal call notes,\n"                      // line 6
                + e + ",EMAIL,2026-01-05T10:00:00Z,,Blank,   ,\n"                                               // line 7
                + f + ",CHAT,2026-01-06T11:00:00Z,,Chat,Is the EMEA pricing ready?,a@x.example;b@x.example\n")  // line 8: good
                .getBytes(StandardCharsets.UTF_8));
        JsonPath job = upload(csv.toByteArray(), "text/csv");

        assertEquals("DONE", job.getString("state"));
        assertEquals(6, job.getInt("rowsRead"));
        assertEquals(2, job.getInt("created"));
        assertEquals(4, job.getInt("failed"));
        assertEquals(100, job.getInt("percent"));
        assertEquals(job.getLong("sizeBytes"), job.getLong("bytesRead"));
        List<Map<String, Object>> errors = job.getList("errors");
        assertEquals(List.of(4, 5, 6, 7), errors.stream().map(r -> ((Number) r.get("line")).intValue()).toList());
        assertTrue(errors.get(0).toString().contains("has 5 fields, the header has 7"), errors.get(0).toString());
        assertTrue(errors.get(1).toString().contains("not valid UTF-8"), errors.get(1).toString());
        assertTrue(errors.get(2).toString().contains("accountId"), errors.get(2).toString());
        assertTrue(errors.get(3).toString().contains("body"), errors.get(3).toString());
        assertTrue(store.byExternalId(a).body.contains("annual term.\nThanks, Kim"));
        assertEquals(2, store.byExternalId(f).toEmails.length);
        for (String rejected : List.of(b, c, d, e)) {
            assertEquals(0, store.countByExternalId(rejected));
        }

        JsonPath again = upload(csv.toByteArray(), "text/csv");
        assertEquals(0, again.getInt("created"));
        assertEquals(2, again.getInt("unchanged"));
        assertEquals(1, store.countByExternalId(a));
    }

    @Test
    void jsonlMalformedLinesAreReportedAndTheRestAreStored() throws Exception {
        String a = CrmFixtures.unique("jsonl"), b = CrmFixtures.unique("jsonl");
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        jsonl.writeBytes(("{\"externalId\":\"" + a + "\",\"channel\":\"EMAIL\",\"occurredAt\":\"2026-02-01T08:00:00Z\",\"body\":\"Budget approved\"}\n"
                + "{\"externalId\": \"broken\", \n"
                + "\n"
                + "{\"externalId\":\"x\",\"body\":\"").getBytes(StandardCharsets.UTF_8));
        jsonl.write(new byte[] { (byte) 0xFF, '"', '}', '\n' });
        jsonl.writeBytes(("{\"externalId\":\"" + b + "\",\"channel\":\"NOTE\",\"occurredAt\":\"2026-02-01T09:00:00+01:00\",\"body\":\"Met the CFO\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        JsonPath job = upload(jsonl.toByteArray(), "application/x-ndjson");
        assertEquals("DONE", job.getString("state"));
        assertEquals(2, job.getInt("created"));
        assertEquals(2, job.getInt("failed"));
        assertEquals(List.of(2, 4), job.getList("errors.line"));
        assertTrue(job.getString("errors[0].errors[0].reason").contains("not valid JSON"));
        assertTrue(job.getString("errors[1].errors[0].reason").contains("not valid UTF-8"));
        assertEquals("INTERNAL", store.byExternalId(b).direction.name());
    }

    @Test
    void anImportWithoutTheRequiredColumnsFailsAsAWholeAndAnUnknownTypeIs415() {
        JsonPath job = upload("id,text\n1,hello\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals("FAILED", job.getString("state"));
        assertTrue(job.getString("failure").contains("externalId"), job.getString("failure"));
        as(alice).contentType("application/xml").body("<x/>").post("/api/interactions/imports").then().statusCode(415);
    }

    @Test
    void anotherRepCannotReadMyImport() {
        String location = as(alice).contentType("application/x-ndjson").body("\n".getBytes(StandardCharsets.UTF_8)).post("/api/interactions/imports")
                .then().statusCode(202).extract().header("Location");
        Rep other = crm.rep("other", RepRole.REP, crm.team("other"));
        as(other).get(location).then().statusCode(404);
    }
}
