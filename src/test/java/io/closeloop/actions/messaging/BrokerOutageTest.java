package io.closeloop.actions.messaging;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.closeloop.support.RabbitTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ unavailable: decisions still commit, their events wait in the outbox, and every one
 * of them is published when the broker is back. The outage is made for this test's own vhost
 * only (a connection limit of 0 and its connections closed, via rabbitmqctl), so other vhosts
 * on the shared broker are untouched.
 */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class BrokerOutageTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Test
    void actionEventsWaitInTheOutboxWhileTheBrokerIsDownAndAreAllPublishedWhenItReturns() throws Exception {
        Rep alice = crm.rep("alice", RepRole.REP, crm.team("outage"));
        Account account = crm.account("Outage Co", alice);
        String queue = "test.outage." + CrmFixtures.unique("q");
        try (RabbitTestClient rabbit = new RabbitTestClient()) {
            rabbit.channel().queueDeclare(queue, true, false, false, null);
            rabbit.channel().queueBind(queue, "closeloop.events", "actions.action.#");
        }
        String vhost = ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class);
        long firstOutboxId;
        List<Long> drafted;
        try {
            rabbitmqctl("set_vhost_limits", "-p", vhost, "{\"max-connections\": 0}");
            rabbitmqctl("close_all_connections", "--vhost", vhost, "closeloop outage test");
            Thread.sleep(500);
            firstOutboxId = QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager()
                    .createNativeQuery("select coalesce(max(id), 0) from outbox").getSingleResult()).longValue());
            Action a = actions.task(account.id, null, "During the outage 1", null);
            Action b = actions.task(account.id, null, "During the outage 2", null);
            as(alice).body(Map.of("version", a.version, "reason", "NOT_NEEDED_NOW")).post("/api/actions/{id}/reject", a.id)
                    .then().statusCode(200);
            drafted = List.of(a.id, b.id);
            Thread.sleep(2000); // several relay polls fail meanwhile
            List<OutboxEvent> waiting = events(firstOutboxId);
            assertThat(waiting).hasSize(3).allMatch(e -> e.publishedAt == null);
            assertThat(waiting).anyMatch(e -> e.attempts > 0);
        } finally {
            rabbitmqctl("clear_vhost_limits", "-p", vhost);
        }

        Instant deadline = Instant.now().plusSeconds(60);
        while (events(firstOutboxId).stream().anyMatch(e -> e.publishedAt == null) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        List<OutboxEvent> events = events(firstOutboxId);
        assertThat(events).hasSize(3).allMatch(e -> e.publishedAt != null);
        try (RabbitTestClient rabbit = new RabbitTestClient()) {
            // drain everything: copies buffered during the outage may arrive too (at-least-once)
            List<GetResponse> received = rabbit.await(queue, 1000, Duration.ofSeconds(5));
            Set<String> ids = new HashSet<>();
            received.forEach(r -> ids.add(r.getProps().getMessageId()));
            Set<String> expected = new HashSet<>();
            events.forEach(e -> expected.add(String.valueOf(e.id)));
            assertThat(ids).containsAll(expected); // nothing lost (delivery is at-least-once: consumers dedupe by id)
            rabbit.channel().queueDelete(queue);
        }
        assertThat(drafted).hasSize(2);
    }

    private static List<OutboxEvent> events(long after) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "id > ?1 and eventType like 'actions.action.%' order by id", after));
    }

    private static void rabbitmqctl(String... args) throws Exception {
        String command = System.getenv().getOrDefault("CLOSELOOP_RABBITMQCTL", "rabbitmqctl");
        List<String> line = new java.util.ArrayList<>(List.of(command.split(" ")));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: "
                    + new String(process.getInputStream().readAllBytes()));
        }
    }
}
