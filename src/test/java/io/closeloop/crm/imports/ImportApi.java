package io.closeloop.crm.imports;

import static io.restassured.RestAssured.given;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.deal.DealStageHistory;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Uploads CSV files to the import API as a given user, and reads the database to check them. */
final class ImportApi {

    static final String CSV = "text/csv; charset=utf-8";

    private ImportApi() {
    }

    static Response upload(Rep rep, String kind, String csv) {
        return upload(rep, kind, csv.getBytes(StandardCharsets.UTF_8), CSV);
    }

    static Response upload(Rep rep, String kind, byte[] body, String contentType) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD)
                .contentType(contentType).body(body)
                .post("/api/import/{kind}", kind);
    }

    static String sample(String name) {
        try (InputStream in = ImportApi.class.getResourceAsStream("/import/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a read in its own transaction (tests run outside any). */
    static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    static long outboxEvents() {
        return read(() -> OutboxEvent.count());
    }

    static long stageHistoryRows() {
        return read(() -> DealStageHistory.count());
    }
}
