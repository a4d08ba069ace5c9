package io.closeloop.vectorstore.ingest.queue;

import static io.closeloop.vectorstore.VectorStoreFixtures.await;
import static io.closeloop.vectorstore.VectorStoreFixtures.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.vectorstore.VectorStoreFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue consumer against the real RabbitMQ: stores, acks, dead-letters poison with its reason, keeps going. */
@QuarkusTest
class InteractionQueueTest {

    static final String EXCHANGE = "closeloop.interactions";
    static final String QUEUE = "vectorstore.interactions";
    static final String DLQ = "vectorstore.interactions.dlq";

    @Inject
    VectorStoreFixtures store;
    @Inject
    ObjectMapper json;

    Connection connection;
    Channel channel;

    @BeforeEach
    void connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(ConfigProvider.getConfig().getValue("rabbitmq-host", String.class));
        factory.setPort(ConfigProvider.getConfig().getValue("rabbitmq-port", Integer.class));
        factory.setUsername(ConfigProvider.getConfig().getValue("rabbitmq-username", String.class));
        factory.setPassword(ConfigProvider.getConfig().getValue("rabbitmq-password", String.class));
        factory.setVirtualHost(ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class));
        connection = factory.newConnection();
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    void publish(String messageId, byte[] body) throws Exception {
        channel.basicPublish(EXCHANGE, "interaction.email", new AMQP.BasicProperties.Builder()
                .messageId(messageId).contentType("application/json").deliveryMode(2).build(), body);
        channel.waitForConfirmsOrDie(5000);
    }

    @Test
    void storesAQueuedInteractionOnceAndAcksIt() throws Exception {
        Map<String, Object> mail = email("Please send the signed order form by Friday.");
        byte[] body = json.writeValueAsBytes(mail);
        publish(CrmFixtures.unique("m"), body);
        publish(CrmFixtures.unique("m"), body); // at-least-once delivery: a duplicate changes nothing
        String externalId = (String) mail.get("externalId");
        await("queued interaction stored", Duration.ofSeconds(30), () -> store.countByExternalId(externalId) == 1);
        await("queue drained (messages acked)", Duration.ofSeconds(30), () -> messageCount(QUEUE) == 0);
        assertEquals(1, store.countByExternalId(externalId));
        assertEquals("queue", store.byExternalId(externalId).source);
    }

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheConsumerKeepsGoing() throws Exception {
        String notJson = CrmFixtures.unique("poison-json");
        String notUtf8 = CrmFixtures.unique("poison-utf8");
        String blank = CrmFixtures.unique("poison-blank");
        String partly = CrmFixtures.unique("poison-partly");
        publish(notJson, "{\"externalId\": \"x\", ".getBytes(StandardCharsets.UTF_8));
        publish(notUtf8, new byte[] { '{', '"', 'b', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' });
        Map<String, Object> whitespace = email("   ");
        publish(blank, json.writeValueAsBytes(whitespace));
        Map<String, Object> goodInBatch = email("Renewal looks good, legal is reviewing.");
        publish(partly, json.writeValueAsBytes(List.of(goodInBatch, email(""))));
        Map<String, Object> after = email("The consumer is still running after the poison.");
        publish(CrmFixtures.unique("good"), json.writeValueAsBytes(after));

        await("message after the poison stored", Duration.ofSeconds(30),
                () -> store.countByExternalId((String) after.get("externalId")) == 1);
        assertEquals(1, store.countByExternalId((String) goodInBatch.get("externalId")));
        assertEquals(0, store.countByExternalId((String) whitespace.get("externalId")));

        Map<String, String> reasons = new HashMap<>();
        Map<String, byte[]> bodies = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        Set<String> ours = Set.of(notJson, notUtf8, blank, partly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            GetResponse response = channel.basicGet(DLQ, true);
            if (response == null) {
                Thread.sleep(200);
                continue;
            }
            String id = response.getProps().getMessageId();
            if (!ours.contains(id)) {
                continue;
            }
            copies.merge(id, 1, Integer::sum);
            Object reason = response.getProps().getHeaders() == null ? null : response.getProps().getHeaders().get(DeadLetters.REASON);
            reasons.put(id, String.valueOf(reason));
            bodies.put(id, response.getBody());
            if (reasons.size() == ours.size() && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos(); // catch duplicates, if any
            }
        }
        assertEquals(Map.of(notJson, 1, notUtf8, 1, blank, 1, partly, 1), copies, "each poison message dead-lettered exactly once");
        assertTrue(reasons.get(notJson).contains("not valid JSON"), reasons.toString());
        assertTrue(reasons.get(notUtf8).contains("not valid UTF-8"), reasons.toString());
        assertTrue(reasons.get(blank).contains("body must not be empty or whitespace"), reasons.toString());
        assertTrue(reasons.get(partly).startsWith("item [1]: body must not be empty"), reasons.toString());
        assertNotNull(bodies.get(notUtf8));
        assertEquals((byte) 0xFF, bodies.get(notUtf8)[6], "the dead letter carries the original bytes");
    }

    long messageCount(String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
