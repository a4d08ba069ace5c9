package io.closeloop.actions.reliability;

import static io.closeloop.actions.reliability.ExecutionAfterKillIT.await;
import static io.closeloop.actions.reliability.ExecutionAfterKillIT.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RabbitMQ stopped under the running service (a private node, never the shared broker): work
 * goes on, its events wait in the outbox, and every one of them reaches the broker when it is
 * back — nothing lost.
 */
class BrokerOutageIT {

    @AfterEach
    void noServiceLeftBehind() {
        ReliabilityService.killAll();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void eventsWrittenWhileTheBrokerIsStoppedArePublishedWhenItReturns() throws Exception {
        ReliabilityRabbit rabbit = ReliabilityRabbit.shared();
        long rep = ReliabilityDb.rep("outage");
        long account = ReliabilityDb.account(rep, "Outage Co");
        String queue = ReliabilityDb.unique("it.outage");
        try (ReliabilityService service = ReliabilityService.start("outage", rabbit.serviceEnv())) {
            try (Connection amqp = rabbit.connect("outage-it"); Channel channel = amqp.createChannel()) {
                channel.exchangeDeclare("closeloop.events", "topic", true);
                channel.queueDeclare(queue, true, false, false, null);
                channel.queueBind(queue, "closeloop.events", "actions.action.#");
            }
            long lastBefore = ReliabilityDb.id("select coalesce(max(id), 0) from outbox");
            List<Long> actions = new ArrayList<>();
            try {
                rabbit.stopApp();
                for (int i = 0; i < 3; i++) {
                    actions.add(ReliabilityDb.approvedTask(rep, account, "During the outage " + i));
                }
                // executing needs only the database: the actions are executed, each leaving two events
                awaitExecuted("the actions executed during the outage", actions);
                Thread.sleep(2000); // the relay has been woken by each commit and has polled since
                assertThat(events(lastBefore, actions)).isEqualTo(6);
                assertThat(ReliabilityDb.count("select count(*) from outbox where id > ? and published_at is not null "
                        + "and (payload ->> 'actionId')::bigint = any(?)", lastBefore, ids(actions))).isZero();
                assertThat(service.alive()).isTrue();
            } finally {
                rabbit.startApp();
            }
            assertAllPublished(rabbit, queue, lastBefore, actions);
        }
    }

    /**
     * Every outbox event of these actions (after outbox id {@code lastBefore}) is marked published
     * within 60 s, and each of them (six: two per action) is on {@code queue}, which is deleted.
     */
    static void assertAllPublished(ReliabilityRabbit rabbit, String queue, long lastBefore, List<Long> actions) throws Exception {
        await("every outbox event published", Duration.ofSeconds(60), () -> ReliabilityDb.count(
                "select count(*) from outbox where id > ? and published_at is null and (payload ->> 'actionId')::bigint = any(?)",
                lastBefore, ids(actions)) == 0);

        Set<String> expected = new HashSet<>();
        try (var c = ReliabilityDb.connect(); var s = ReliabilityDb.prepare(c,
                "select id from outbox where id > ? and (payload ->> 'actionId')::bigint = any(?)", lastBefore, ids(actions));
                var r = s.executeQuery()) {
            while (r.next()) {
                expected.add(r.getString(1));
            }
        }
        Set<String> received = new HashSet<>();
        try (Connection amqp = rabbit.connect("outage-it"); Channel channel = amqp.createChannel()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!received.containsAll(expected) && System.nanoTime() < deadline) {
                GetResponse message = channel.basicGet(queue, true);
                if (message == null) {
                    Thread.sleep(50);
                } else {
                    received.add(message.getProps().getMessageId());
                }
            }
            channel.queueDelete(queue);
        }
        assertThat(expected).hasSize(2 * actions.size());
        assertThat(received).as("nothing lost (at-least-once: consumers dedupe by message id)").containsAll(expected);
    }

    static void awaitExecuted(String what, List<Long> actions) throws Exception {
        await(what, Duration.ofSeconds(60), () -> {
            for (long a : actions) {
                if (!"EXECUTED".equals(status(a))) {
                    return false;
                }
            }
            return true;
        });
    }

    static long events(long after, List<Long> actions) throws Exception {
        return ReliabilityDb.count("select count(*) from outbox where id > ? and (payload ->> 'actionId')::bigint = any(?)", after, ids(actions));
    }

    static Long[] ids(List<Long> actions) {
        return actions.toArray(Long[]::new);
    }
}
