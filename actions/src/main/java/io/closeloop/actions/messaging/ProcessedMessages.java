package io.closeloop.actions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What each consumer has already handled. Marking happens in the handler's own transaction, so a
 * message is handled exactly when its effects commit; a redelivery (or the same event reaching a
 * second instance) finds the mark and does nothing.
 */
@ApplicationScoped
public class ProcessedMessages {

    private final EntityManager em;

    public ProcessedMessages(EntityManager em) {
        this.em = em;
    }

    /** True the first time (consumer, key) is seen; concurrent callers wait for the first to commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String key) {
        return em.createNativeQuery("insert into processed_message (consumer, message_key) values (:c, :k) on conflict do nothing")
                .setParameter("c", consumer).setParameter("k", key).executeUpdate() == 1;
    }
}
