package io.closeloop.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.support.RabbitTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes {@code count} events of one type in one transaction and checks what reaches the broker:
 * each exactly once, in id order (which is also the order written), and every row marked published.
 * The queue is this call's own, bound before the events are written, so nothing else lands in it.
 */
final class RelayedBatch {

    private static final String TYPE = "test.relay-batch";

    private final Outbox outbox;
    private final ObjectMapper json;

    RelayedBatch(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    void arrivesOnceEachInIdOrderAndAllMarkedPublished(int count) throws Exception {
        String run = CrmFixtures.unique("batch");
        try (RabbitTestClient rabbit = new RabbitTestClient()) {
            String queue = rabbit.bindTemporaryQueue("closeloop.events", TYPE);
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(TYPE,
                    IntStream.range(0, count).mapToObj(n -> Map.of("run", run, "n", n)).toList()));

            List<GetResponse> received = rabbit.await(queue, count, Duration.ofSeconds(30), m -> run.equals(field(m, "run")));
            assertThat(received).hasSize(count);
            List<String> order = received.stream().map(m -> field(m, "n")).toList();
            assertThat(order).as("events in the order written").containsExactlyElementsOf(
                    IntStream.range(0, count).mapToObj(String::valueOf).toList());
            List<Long> ids = received.stream().map(m -> Long.parseLong(m.getProps().getMessageId())).toList();
            assertThat(ids).as("message ids (outbox ids)").isSorted().doesNotHaveDuplicates();
            long unmarked = count;
            for (int i = 0; i < 100 && unmarked > 0; i++) {
                unmarked = QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager()
                        .createNativeQuery("select count(*) from outbox where payload ->> 'run' = :run and published_at is null")
                        .setParameter("run", run).getSingleResult()).longValue());
                Thread.sleep(unmarked > 0 ? 100 : 0);
            }
            assertThat(unmarked).as("every event marked published").isZero();
            assertThat(rabbit.await(queue, 1, Duration.ofSeconds(1), m -> run.equals(field(m, "run")))).as("none twice").isEmpty();
        }
    }

    private String field(GetResponse message, String name) {
        try {
            JsonNode value = json.readTree(message.getBody()).get(name);
            return value == null ? null : value.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
