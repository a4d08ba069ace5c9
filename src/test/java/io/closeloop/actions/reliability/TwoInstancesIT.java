package io.closeloop.actions.reliability;

import static io.closeloop.actions.reliability.ExecutionAfterKillIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two service processes on one database and one broker: they compete for the signal queue and
 * both relay the outbox, and still every event is handled once — each churn e-mail (sent twice,
 * as a redelivery would) drafts one action, and every action event reaches the broker once.
 */
class TwoInstancesIT {

    static final String CHURN = "We are seriously considering cancelling our contract; the outages have been unacceptable.";
    private static final int ACCOUNTS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void noServiceLeftBehind() {
        ReliabilityService.killAll();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void eachEventIsHandledOnceAndNoActionIsDraftedTwice() throws Exception {
        ReliabilityRabbit rabbit = ReliabilityRabbit.shared();
        long rep = ReliabilityDb.rep("twins");
        List<Long> accounts = new ArrayList<>();
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            long account = ReliabilityDb.account(rep, "Twins Co");
            accounts.add(account);
            contacts.add(ReliabilityDb.contact(account, ReliabilityDb.unique("casey") + "@twins.example"));
        }
        String observed = ReliabilityDb.unique("it.twins");
        // started side by side: Flyway serialises their migrations with its lock
        CompletableFuture<ReliabilityService> startingB = CompletableFuture.supplyAsync(() -> start("twins-b", rabbit));
        try (ReliabilityService a = start("twins-a", rabbit); ReliabilityService b = startingB.join();
                Connection amqp = rabbit.connect("twins-it"); Channel channel = amqp.createChannel()) {
            channel.queueDeclare(observed, true, false, false, null);
            channel.queueBind(observed, "closeloop.events", "actions.action.#");
            assertThat(channel.queueDeclarePassive("closeloop.actions.signals").getConsumerCount())
                    .as("both instances consume the signal queue").isEqualTo(2);

            List<Long> interactions = new ArrayList<>();
            long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            for (int i = 0; i < ACCOUNTS; i++) {
                long interaction = base + i;
                interactions.add(interaction);
                byte[] body = event(interaction, accounts.get(i), contacts.get(i)).getBytes(StandardCharsets.UTF_8);
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId("it-" + interaction)
                        .contentType("application/json").deliveryMode(2).build();
                for (int copy = 0; copy < 2; copy++) { // a redelivered copy, handled by either instance
                    channel.basicPublish("closeloop.events", "vectorstore.interaction.ingested", props, body);
                }
            }
            Long[] accountIds = accounts.toArray(Long[]::new);
            await("a draft for every account", Duration.ofSeconds(90),
                    () -> ReliabilityDb.count("select count(distinct account_id) from action where account_id = any(?)", (Object) accountIds) == ACCOUNTS);
            Thread.sleep(3000); // let any duplicate handling finish
            // The mail turns churn risk on for every account (it may also read as an open request, when the
            // database holds a request detector): one retention draft per account, and no signal drafted twice.
            assertThat(ReliabilityDb.count("select count(*) from action where account_id = any(?) and route = 'signal/churn-risk'",
                    (Object) accountIds)).as("one retention draft per churn transition").isEqualTo(ACCOUNTS);
            assertThat(ReliabilityDb.count("select count(*) - count(distinct (account_id, route)) from action where account_id = any(?)",
                    (Object) accountIds)).as("no signal transition drafted twice").isZero();
            assertThat(ReliabilityDb.count("select count(*) from processed_message where consumer = 'signals' and message_key = any(?)",
                    (Object) interactions.stream().map(i -> "interaction:" + i).toArray(String[]::new))).isEqualTo(ACCOUNTS);
            assertThat(a.alive() && b.alive()).isTrue();

            await("every action event relayed", Duration.ofSeconds(30), () -> ReliabilityDb.count(
                    "select count(*) from outbox where published_at is null and (payload ->> 'accountId')::bigint = any(?)", (Object) accountIds) == 0);
            Set<String> expected = new HashSet<>();
            try (var c = ReliabilityDb.connect(); var s = ReliabilityDb.prepare(c,
                    "select id from outbox where event_type like 'actions.action.%' and (payload ->> 'accountId')::bigint = any(?)", (Object) accountIds);
                    var r = s.executeQuery()) {
                while (r.next()) {
                    expected.add(r.getString(1));
                }
            }
            List<String> received = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (!new HashSet<>(received).containsAll(expected) && Instant.now().isBefore(deadline)) {
                GetResponse message = channel.basicGet(observed, true);
                if (message == null) {
                    Thread.sleep(50);
                } else if (ours(message, accounts)) {
                    received.add(message.getProps().getMessageId());
                }
            }
            Thread.sleep(1000);
            for (GetResponse late; (late = channel.basicGet(observed, true)) != null;) {
                if (ours(late, accounts)) {
                    received.add(late.getProps().getMessageId());
                }
            }
            channel.queueDelete(observed);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(ACCOUNTS);
            assertThat(received).as("every action event relayed exactly once by the two relays").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static ReliabilityService start(String name, ReliabilityRabbit rabbit) {
        try {
            return ReliabilityService.start(name, rabbit.serviceEnv());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** Other rows of the shared test database may be executed meanwhile; keep this test's accounts' events. */
    private static boolean ours(GetResponse message, List<Long> accounts) throws Exception {
        var account = JSON.readTree(message.getBody()).get("accountId");
        return account != null && accounts.contains(account.asLong());
    }

    private static String event(long interaction, long account, long contact) {
        String now = Instant.now().toString();
        return """
                {"interactionId":%d,"accountId":%d,"contactId":%d,"direction":"INBOUND","channel":"EMAIL","subject":"Contract",
                 "text":"%s","from":"customer-%d@twins.example","occurredAt":"%s","ingestedAt":"%s"}"""
                .formatted(interaction, account, contact, CHURN, interaction, now, now);
    }
}
