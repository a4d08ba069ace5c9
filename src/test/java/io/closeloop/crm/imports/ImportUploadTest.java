package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportApi.CSV;
import static io.closeloop.crm.imports.ImportApi.read;
import static io.closeloop.crm.imports.ImportApi.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upload as a whole: content type, size limit, encoding and shape are checked before any row is applied. */
@QuarkusTest
class ImportUploadTest {

    @Inject
    CrmFixtures fixtures;

    @Inject
    ImportConfig config;

    @TestHTTPResource("/api/import/accounts")
    URI accountsUrl;

    Rep rep;

    @BeforeEach
    void setUp() {
        rep = fixtures.rep("uploader", RepRole.REP, fixtures.team("upload"));
    }

    @Test
    void refusesAnythingButTextCsvWith415Problem() {
        String csv = "Company name\n" + CrmFixtures.unique("Typed") + "\n";
        for (String type : new String[] { "application/json", "text/plain", "multipart/form-data; boundary=x",
                "text/csv; charset=iso-8859-1" }) {
            upload(rep, "accounts", csv.getBytes(StandardCharsets.UTF_8), type).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:closeloop:problem:unsupported-media-type"))
                    .body("errors[0].field", equalTo("Content-Type"));
        }
        assertEquals(0L, accountsNamedLike("typed"));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWith413BeforeReadingIt() {
        byte[] body = csvOfSize("Declared", config.maxBytes() + 1);
        upload(rep, "accounts", body, CSV).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:payload-too-large"))
                .body("detail", containsString(String.valueOf(config.maxBytes())));
        assertEquals(0L, accountsNamedLike("declared"));
    }

    @Test
    void answers413FromTheDeclaredLengthWithoutWaitingForTheBody() throws Exception {
        try (Socket socket = new Socket(accountsUrl.getHost(), accountsUrl.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/import/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + CSV + "\r\n"
                    + "Authorization: " + basic(rep) + "\r\nContent-Length: " + (config.maxBytes() + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // No byte of the body is sent: a server that read the body first would time out here.
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", reader.readLine());
        }
    }

    @Test
    void refusesAStreamedBodyOverTheLimitWhileCountingIt() throws Exception {
        byte[] body = csvOfSize("Streamed", config.maxBytes() + 1);
        // ofInputStream has no known length: the client sends it chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(accountsUrl)
                .header("Content-Type", CSV)
                .header("Authorization", basic(rep))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("payload-too-large"), response.body());
        assertEquals(0L, accountsNamedLike("streamed"));
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String name = CrmFixtures.unique("Limit");
        byte[] body = csvOfSize(name, config.maxBytes());
        assertEquals(config.maxBytes(), body.length);
        upload(rep, "accounts", body, CSV).then().statusCode(200).body("rejected", equalTo(0));
        assertTrue(accountsNamedLike(name.toLowerCase()) > 10);
    }

    @Test
    void refusesInvalidUtf8With400NamingTheBody() {
        byte[] latin1 = ("Company name\n" + CrmFixtures.unique("Café") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        upload(rep, "accounts", latin1, CSV).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("not valid UTF-8"));
        assertEquals(0L, accountsNamedLike("caf"));
    }

    @Test
    void refusesAFileWithoutANameColumnWith400NamingTheField() {
        upload(rep, "accounts", "Company Domain Name,Industry\nnameless.example,Retail\n").then().statusCode(400)
                .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].reason", containsString("'Company name'"))
                .body("errors[0].reason", containsString("'Account Name'"));
        upload(rep, "deals", "Deal Name,Amount\nOrphan,100\n").then().statusCode(400)
                .body("errors[0].field", equalTo("account"));
        upload(rep, "contacts", "Job Title,Phone Number\nCEO,555\n").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void refusesEmptyFilesWith400() {
        for (String empty : new String[] { "", "\uFEFF", "\n\n", "Company name,Industry\n", "Company name\n,\n" }) {
            upload(rep, "accounts", empty).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body"));
        }
    }

    @Test
    void refusesBrokenQuotingWith400BeforeApplyingAnyRow() {
        String good = CrmFixtures.unique("Quoted");
        upload(rep, "accounts", "Company name,Industry\n" + good + ",Retail\n\"Unclosed,Retail\n").then().statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("not valid CSV"));
        assertEquals(0L, accountsNamedLike(good.toLowerCase()));
    }

    @Test
    void readsAByteOrderMarkAndSemicolonSeparatedFiles() {
        String name = CrmFixtures.unique("Semicolon");
        upload(rep, "accounts", "\uFEFFCompany name;Annual Revenue;Industry\n" + name + ";\"1.250.000,00\";Retail\n")
                .then().statusCode(200).body("created", equalTo(1)).body("ignoredColumns.size()", equalTo(0));
        Account account = read(() -> Account.find("name", name).firstResult());
        assertEquals(0, new java.math.BigDecimal("1250000").compareTo(account.annualRevenue));
    }

    @Test
    void refusesAnUnknownDateOrderWith400() {
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(CSV)
                .body("Company name\nX\n").post("/api/import/accounts?dates=YMD")
                .then().statusCode(400).body("errors[0].field", equalTo("dates"));
    }

    @Test
    void requiresAuthentication() {
        given().contentType(CSV).body("Company name\nX\n").post("/api/import/accounts")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * A valid accounts CSV of exactly {@code size} bytes: rows of about 100 kB (a long ignored
     * "Notes" column), so even a 10 MB file has only about a hundred rows to apply.
     */
    private static byte[] csvOfSize(String prefix, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        out.writeBytes("Company name,Notes\n".getBytes(StandardCharsets.US_ASCII));
        String notes = "x".repeat(100_000);
        int i = 0;
        while (size - out.size() >= 200_000) {
            out.writeBytes((prefix + " " + (i++) + "," + notes + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String last = prefix + " " + i + ",";
        int padding = (int) (size - out.size() - last.length() - 1);
        out.writeBytes((last + "x".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static long accountsNamedLike(String lowerPrefix) {
        return read(() -> Account.count("lower(name) like ?1", lowerPrefix.toLowerCase() + "%"));
    }

    private static String basic(Rep rep) {
        return "Basic " + Base64.getEncoder().encodeToString((rep.username + ":" + CrmFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
