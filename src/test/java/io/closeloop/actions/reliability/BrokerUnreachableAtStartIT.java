package io.closeloop.actions.reliability;

import static io.closeloop.actions.reliability.BrokerOutageIT.assertAllPublished;
import static io.closeloop.actions.reliability.BrokerOutageIT.awaitExecuted;
import static io.closeloop.actions.reliability.BrokerOutageIT.events;
import static io.closeloop.actions.reliability.BrokerOutageIT.ids;
import static io.closeloop.actions.reliability.ExecutionAfterKillIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service starts while its broker (a private node, never the shared one) is unreachable, so
 * the relay's first send finds no broker. The broker stays away for 120 s, longer than the
 * connector's default 100 connection attempts at the 1 s interval the reliability services use
 * (after which the connector gave up for good and left the {@code closeloop-events} channel
 * without a publisher: every later send failed until restart). When the broker comes, the outbox
 * events written meanwhile are published by the same process, without a restart, and the service
 * becomes ready (its incoming channels connected too).
 */
class BrokerUnreachableAtStartIT {

    @AfterEach
    void noServiceLeftBehind() {
        ReliabilityService.killAll();
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void eventsWrittenBeforeTheBrokerWasEverReachedArePublishedWhenItComes() throws Exception {
        ReliabilityRabbit rabbit = ReliabilityRabbit.shared();
        String queue = ReliabilityDb.unique("it.unreachable");
        // durable, so the queue and its binding are there as soon as the node's app is started again
        try (Connection amqp = rabbit.connect("unreachable-it"); Channel channel = amqp.createChannel()) {
            channel.exchangeDeclare("closeloop.events", "topic", true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, "closeloop.events", "actions.action.#");
        }
        List<Long> actions = new ArrayList<>();
        rabbit.stopApp();
        boolean stopped = true;
        long lastBefore;
        try (ReliabilityService service = ReliabilityService.start("unreachable", rabbit.serviceEnv(), Map.of(), false)) {
            try {
                // after the start: the service migrates the schema (the database may be new)
                long rep = ReliabilityDb.rep("unreachable");
                long account = ReliabilityDb.account(rep, "Unreachable Co");
                lastBefore = ReliabilityDb.id("select coalesce(max(id), 0) from outbox");
                for (int i = 0; i < 3; i++) {
                    actions.add(ReliabilityDb.approvedTask(rep, account, "Before the broker was reached " + i));
                }
                awaitExecuted("the actions executed without a broker", actions);
                // the relay sent the first event (woken by the commit, then every second); the default 100 attempts
                // 1 s apart would have given up by now
                Thread.sleep(120_000);
                assertThat(events(lastBefore, actions)).isEqualTo(6);
                assertThat(ReliabilityDb.count("select count(*) from outbox where id > ? and published_at is not null "
                        + "and (payload ->> 'actionId')::bigint = any(?)", lastBefore, ids(actions))).isZero();
                assertThat(service.alive()).isTrue();
            } finally {
                stopped = false;
                rabbit.startApp();
            }
            assertAllPublished(rabbit, queue, lastBefore, actions);
            await("the service ready", Duration.ofSeconds(60), service::ready);
            assertThat(service.alive()).isTrue();
        } finally {
            if (stopped) {
                rabbit.startApp(); // the service did not start: leave the node running for the other tests
            }
        }
    }
}
