package io.closeloop.actions.signal;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/signals and /api/signals/stream: a rep sees the transitions of their own accounts, newest
 * first and paged, never those of another rep's account — listed or pushed.
 */
@QuarkusTest
class SignalResourceTest {

    @Inject
    CrmFixtures crm;
    @Inject
    SignalStates states;

    @TestHTTPResource("/api/signals/stream")
    URI stream;

    Rep alice;
    Rep bob;
    Rep manager;
    Account mine;
    Account bobs;

    @BeforeEach
    void setUp() {
        Team team = crm.team("feed");
        alice = crm.rep("feed-alice", RepRole.REP, team);
        bob = crm.rep("feed-bob", RepRole.REP, team);
        manager = crm.rep("feed-boss", RepRole.MANAGER, team);
        mine = crm.account("Feed Mine", alice);
        bobs = crm.account("Feed Bobs", bob);
    }

    /** A signal crossing its threshold through the real state machine (its own transaction). */
    private long turnOn(Account account, SignalKind kind, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> states.set(account.id, 0, kind, 0.99, "test:" + System.nanoTime(), at)
                .orElseThrow().id);
    }

    @Test
    void aRepSeesTheirAccountsSignalsNewestFirstAndNeverAnotherRepsAccount() {
        Instant now = Instant.now();
        long older = turnOn(mine, SignalKind.CHURN_RISK, now.minusSeconds(60));
        long newer = turnOn(mine, SignalKind.BUYING_INTENT, now);
        long hidden = turnOn(bobs, SignalKind.CHURN_RISK, now);

        List<Integer> ids = as(alice).get("/api/signals?size=200").then().statusCode(200).extract().path("items.id");
        assertThat(ids).contains((int) newer, (int) older).doesNotContain((int) hidden);
        assertThat(ids.indexOf((int) newer)).isLessThan(ids.indexOf((int) older));
        as(alice).get("/api/signals?account={a}", mine.id).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo((int) newer))
                .body("items[0].kind", equalTo("BUYING_INTENT")).body("items[0].accountName", equalTo(mine.name))
                .body("items[0].activated", equalTo(true));
        // another rep's account: 404, as for the account itself (no existence leak)
        as(alice).get("/api/signals?account={a}", bobs.id).then().statusCode(404);
        // the manager sees the whole team's
        List<Integer> team = as(manager).get("/api/signals?size=200").then().statusCode(200).extract().path("items.id");
        assertThat(team).contains((int) newer, (int) older, (int) hidden);
    }

    @Test
    void pagesWithTheKernelPageAndRefusesBadParameters() {
        Instant now = Instant.now();
        turnOn(mine, SignalKind.CHURN_RISK, now.minusSeconds(2));
        turnOn(mine, SignalKind.BUYING_INTENT, now.minusSeconds(1));
        turnOn(mine, SignalKind.COMPETITOR_MENTION, now);
        as(alice).get("/api/signals?account={a}&size=2&page=1", mine.id).then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("CHURN_RISK"));
        as(alice).get("/api/signals?size=0").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        as(alice).get("/api/signals?page=x").then().statusCode(400).body("errors[0].field", equalTo("page"));
        as(alice).get("/api/signals?account=abc").then().statusCode(400).body("errors[0].field", equalTo("account"));
    }

    @Test
    void aNewTransitionIsPushedToTheOwnersStreamOnly() throws Exception {
        List<String> aliceLines = new CopyOnWriteArrayList<>();
        List<String> bobLines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        var aliceStream = open(client, alice, aliceLines);
        var bobStream = open(client, bob, bobLines);

        long id = turnOn(mine, SignalKind.OPEN_REQUEST, Instant.now());
        String marker = "\"id\":" + id + ",";
        Instant deadline = Instant.now().plusSeconds(10);
        while (aliceLines.stream().noneMatch(l -> l.contains(marker)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(aliceLines).anyMatch(l -> l.startsWith("data:") && l.contains(marker) && l.contains("\"kind\":\"OPEN_REQUEST\""));
        assertThat(bobLines).noneMatch(l -> l.contains(marker));
        aliceStream.cancel(true);
        bobStream.cancel(true);
    }

    @Test
    void aRolledBackTransitionIsNeverPushed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        var open = open(HttpClient.newHttpClient(), alice, lines);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                states.set(mine.id, 0, SignalKind.STALLED_DEAL, 0.99, "test:rollback", Instant.now());
                throw new IllegalStateException("rolled back on purpose");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        long committed = turnOn(mine, SignalKind.CHURN_RISK, Instant.now());
        Instant deadline = Instant.now().plusSeconds(10);
        while (lines.stream().noneMatch(l -> l.contains("\"id\":" + committed + ",")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(lines).anyMatch(l -> l.contains("\"id\":" + committed + ","));
        assertThat(lines).noneMatch(l -> l.contains("STALLED_DEAL"));
        open.cancel(true);
    }

    /**
     * Opens the stream and returns once its response headers arrived, i.e. once the server subscribed
     * the caller to the feed (a fixed sleep is not enough on a loaded machine); lines are read in the background.
     */
    private CompletableFuture<Void> open(HttpClient client, Rep rep, List<String> lines) throws Exception {
        String auth = Base64.getEncoder().encodeToString((rep.username + ":" + CrmFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Basic " + auth)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return CompletableFuture.runAsync(() -> {
            try (InputStream in = response.body();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the stream is closed when the test ends
            }
        });
    }
}
