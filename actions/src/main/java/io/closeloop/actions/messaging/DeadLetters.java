package io.closeloop.actions.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Keeps why a message was dead-lettered (the broker's dead-letter queue keeps the message itself). */
@ApplicationScoped
public class DeadLetters {

    private final EntityManager em;

    public DeadLetters(EntityManager em) {
        this.em = em;
    }

    public void record(String consumer, String messageId, String routingKey, String payload, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into dead_letter (consumer, message_id, routing_key, payload, reason) values (:c, :m, :r, :p, :why)""")
                .setParameter("c", consumer).setParameter("m", messageId).setParameter("r", routingKey)
                .setParameter("p", payload).setParameter("why", reason).executeUpdate());
    }
}
