package io.closeloop.actions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.signal.InteractionSignal;
import io.closeloop.actions.signal.SignalIntake;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A draft that a signal queues is pushed to its rep's open stream at once, and to nobody else's. */
@QuarkusTest
class ActionStreamTest {

    @Inject
    CrmFixtures crm;

    @Inject
    SignalIntake intake;

    @TestHTTPResource("/api/actions/stream")
    URI stream;

    @Test
    void signalDraftIsPushedToTheOwnersStreamOnly() throws Exception {
        Team team = crm.team("stream");
        Rep alice = crm.rep("alice", RepRole.REP, team);
        Rep bob = crm.rep("bob", RepRole.REP, team);
        Account account = crm.account("Stream Co", alice);
        Contact contact = crm.contact(account, "Sue", EmailConsent.GRANTED);
        List<String> aliceLines = new CopyOnWriteArrayList<>();
        List<String> bobLines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        var aliceStream = open(client, alice, aliceLines);
        var bobStream = open(client, bob, bobLines);
        aliceStream.get(10, TimeUnit.SECONDS); // both subscribed: the stream's headers arrived
        bobStream.get(10, TimeUnit.SECONDS);

        List<Long> drafted = intake.onInteraction(new InteractionSignal(System.nanoTime(), account.id, contact.id, null,
                "EMAIL", "INBOUND", Instant.now(), "Contract",
                "We are seriously considering cancelling our contract; the outages have been unacceptable.", contact.email, null, null));
        assertThat(drafted).hasSize(1);
        String id = "\"id\":" + drafted.get(0);
        Instant deadline = Instant.now().plusSeconds(5);
        while (aliceLines.stream().noneMatch(l -> l.contains(id)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(aliceLines).anyMatch(l -> l.startsWith("data:") && l.contains(id) && l.contains("\"status\":\"DRAFTED\""));
        assertThat(bobLines).noneMatch(l -> l.contains(id));
        aliceStream.get().body().close();
        bobStream.get().body().close();
        // and its event-to-queue latency went into the histogram
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("closeloop_actions_event_to_queue_seconds_bucket");
        assertThat(metrics.lines().filter(l -> l.startsWith("closeloop_actions_event_to_queue_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(1);
    }

    /** Opens the rep's stream; completes when the response headers arrived, then reads lines in the background. */
    private java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> open(HttpClient client, Rep rep, List<String> lines) {
        String auth = Base64.getEncoder().encodeToString((rep.username + ":" + CrmFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Basic " + auth)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (response == null) {
                return;
            }
            Thread reader = new Thread(() -> {
                try (InputStream in = response.body();
                        BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = text.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // the stream is closed when the test ends
                }
            });
            reader.setDaemon(true);
            reader.start();
        });
    }
}
