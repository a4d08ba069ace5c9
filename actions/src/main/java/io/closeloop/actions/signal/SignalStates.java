package io.closeloop.actions.signal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Updates the state of a signal with new evidence and reports a threshold crossing. Scores fade
 * with the configured half-life; a signal turns on at {@code enter} and off only below
 * {@code exit} (hysteresis). The state row is locked while it is updated, so two instances
 * handling evidence for the same account serialise instead of both seeing a crossing.
 */
@ApplicationScoped
public class SignalStates {

    private final EntityManager em;
    private final SignalConfig config;
    private final Event<SignalTransition> transitions;

    public SignalStates(EntityManager em, SignalConfig config, Event<SignalTransition> transitions) {
        this.em = em;
        this.config = config;
        this.transitions = transitions;
    }

    /** New evidence with this strength: the score becomes the larger of the faded score and it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SignalTransition> observe(long accountId, long dealId, SignalKind kind, double strength,
            String sourceKey, Instant at) {
        SignalState state = lock(accountId, dealId, kind);
        return apply(state, Math.max(faded(state, at), strength), sourceKey, at);
    }

    /** The score is now exactly this (a request answered, a deal active again, a deal found stalled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SignalTransition> set(long accountId, long dealId, SignalKind kind, double score, String sourceKey,
            Instant at) {
        return apply(lock(accountId, dealId, kind), score, sourceKey, at);
    }

    private Optional<SignalTransition> apply(SignalState state, double score, String sourceKey, Instant at) {
        state.score = score;
        state.updatedAt = at.isAfter(state.updatedAt) ? at : state.updatedAt;
        state.lastSource = sourceKey;
        boolean request = state.kind == SignalKind.OPEN_REQUEST;
        boolean on = !state.active && score >= (request ? config.requestDetector().enter() : config.enter());
        boolean off = state.active && score < (request ? config.requestDetector().exit() : config.exit());
        if (!on && !off) {
            return Optional.empty();
        }
        state.active = on;
        state.changedAt = at;
        SignalTransition transition = new SignalTransition();
        transition.stateId = state.id;
        transition.kind = state.kind;
        transition.accountId = state.accountId;
        transition.dealId = state.dealId;
        transition.activated = on;
        transition.score = score;
        transition.sourceKey = sourceKey;
        transition.eventAt = at;
        transition.at = Instant.now();
        transition.persist();
        transitions.fire(transition); // SignalFeed pushes it to open streams once it commits
        return Optional.of(transition);
    }

    private double faded(SignalState state, Instant at) {
        long elapsed = Math.max(0, Duration.between(state.updatedAt, at).toMillis());
        return state.score * Math.pow(0.5, (double) elapsed / config.halfLife().toMillis());
    }

    private SignalState lock(long accountId, long dealId, SignalKind kind) {
        em.createNativeQuery("insert into signal_state (account_id, deal_id, kind) values (:a, :d, :k) on conflict do nothing")
                .setParameter("a", accountId).setParameter("d", dealId).setParameter("k", kind.name()).executeUpdate();
        return em.createQuery("from SignalState where accountId = :a and dealId = :d and kind = :k", SignalState.class)
                .setParameter("a", accountId).setParameter("d", dealId).setParameter("k", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }
}
