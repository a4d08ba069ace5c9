package io.closeloop.kernel.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.support.RabbitTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A committed change reaches the real RabbitMQ through the outbox; a refused one never does. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    CrmFixtures fixtures;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Test
    void committedStageChangeIsPublishedOnceWithItsOutboxIdAndMarkedPublished() throws Exception {
        Rep rep = fixtures.rep("relay", RepRole.REP, fixtures.team("relay"));
        Account account = fixtures.account("Relay Co", rep);
        try (RabbitTestClient rabbit = new RabbitTestClient()) {
            String queue = rabbit.bindTemporaryQueue("closeloop.events", "crm.deal.stage-changed");
            Deal deal = fixtures.deal(account, "Relay deal", DealStage.PROSPECTING, rep);
            given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("stage", "NEGOTIATION", "version", deal.version))
                    .patch("/api/deals/{id}", deal.id).then().statusCode(200);

            // The broker is shared with every other test: keep only this deal's events.
            List<GetResponse> received = rabbit.await(queue, 2, Duration.ofSeconds(10),
                    m -> dealIdOf(m) == deal.id);
            assertThat(received).hasSize(2);
            assertThat(json.readTree(received.get(0).getBody()).get("to").asText()).isEqualTo("PROSPECTING");
            GetResponse message = received.get(1); // in commit order
            assertThat(Long.parseLong(message.getProps().getMessageId()))
                    .isGreaterThan(Long.parseLong(received.get(0).getProps().getMessageId()));
            assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("crm.deal.stage-changed");
            assertThat(message.getProps().getContentType()).isEqualTo("application/json");
            JsonNode payload = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            assertThat(payload.get("dealId").asLong()).isEqualTo(deal.id);
            assertThat(payload.get("from").asText()).isEqualTo("PROSPECTING");
            assertThat(payload.get("to").asText()).isEqualTo("NEGOTIATION");
            assertThat(payload.get("by").asLong()).isEqualTo(rep.id);

            long outboxId = Long.parseLong(message.getProps().getMessageId());
            // The relay marks the row in the transaction that waited for the confirm; the consumer may see
            // the message just before that commits.
            OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(outboxId));
            for (int i = 0; i < 100 && row.publishedAt == null; i++) {
                Thread.sleep(100);
                row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(outboxId));
            }
            assertThat(row.eventType).isEqualTo("crm.deal.stage-changed");
            assertThat(row.publishedAt).isNotNull();

            // nothing more arrives for this change (published exactly once by the relay)
            assertThat(rabbit.await(queue, 1, Duration.ofSeconds(1), m -> dealIdOf(m) == deal.id)).isEmpty();
        }
    }

    @Test
    void eventsOfMoreThanOneBatchArriveOnceEachInIdOrderAndAreAllMarkedPublished() throws Exception {
        // the relay sends up to 100 at a time and awaits their confirms together
        new RelayedBatch(outbox, json).arrivesOnceEachInIdOrderAndAllMarkedPublished(250);
    }

    @Test
    void refusedChangeWritesNoEvent() throws Exception {
        Rep rep = fixtures.rep("relay2", RepRole.REP, fixtures.team("relay2"));
        Deal deal = fixtures.deal(fixtures.account("Refused Co", rep), "Refused", DealStage.PROSPECTING, rep);
        long before = eventsAbout(deal);
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("stage", "NEGOTIATION", "version", deal.version + 7))
                .patch("/api/deals/{id}", deal.id).then().statusCode(409);
        long after = eventsAbout(deal);
        assertThat(before).isEqualTo(1); // the creation
        assertThat(after).isEqualTo(before);
    }

    private long dealIdOf(GetResponse message) {
        try {
            JsonNode dealId = json.readTree(message.getBody()).get("dealId");
            return dealId == null ? -1 : dealId.asLong();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private long eventsAbout(Deal deal) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager()
                .createNativeQuery("select count(*) from outbox where (payload ->> 'dealId')::bigint = :id")
                .setParameter("id", deal.id).getSingleResult()).longValue());
    }
}
