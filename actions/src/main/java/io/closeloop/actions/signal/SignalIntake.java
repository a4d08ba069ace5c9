package io.closeloop.actions.signal;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.messaging.ProcessedMessages;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where evidence enters the signal detectors: an ingested interaction or a CRM change. Each
 * input is handled once (keyed by interaction id or outbox id, in the same transaction as its
 * effects), updates the signal states, and drafts an action for every signal that turned on.
 * Called by the RabbitMQ consumer and, for the lowest latency, in-process by whoever ingests.
 */
@ApplicationScoped
public class SignalIntake {

    public static final String CONSUMER = "signals";

    private final PrototypeScorer scorer;
    private final RequestDetector requests;
    private final CompetitorDetector competitors;
    private final SignalStates states;
    private final SignalActions actions;
    private final ProcessedMessages processed;

    public SignalIntake(PrototypeScorer scorer, RequestDetector requests, CompetitorDetector competitors, SignalStates states,
            SignalActions actions, ProcessedMessages processed) {
        this.scorer = scorer;
        this.requests = requests;
        this.competitors = competitors;
        this.states = states;
        this.actions = actions;
        this.processed = processed;
    }

    /** Detects signals in an ingested interaction; returns the actions drafted (empty on a repeat). */
    @WithSpan("closeloop.actions.detect")
    public List<Long> onInteraction(InteractionSignal s) {
        if (s.interactionId() == null || s.accountId() == null) {
            throw new IllegalArgumentException("An interaction signal needs interactionId and accountId");
        }
        String text = ((s.subject() == null ? "" : s.subject() + "\n") + (s.text() == null ? "" : s.text())).trim();
        boolean scored = s.inbound() && !text.isEmpty();
        Map<SignalKind, Double> scores = new EnumMap<>(SignalKind.class);
        if (scored) {
            scores.putAll(scorer.score(text));
            // a blank line keeps the subject a sentence of its own; unavailable detector = no open-request score at all
            requests.score((s.subject() == null ? "" : s.subject() + "\n\n") + Objects.toString(s.text(), ""))
                    .ifPresent(p -> scores.put(SignalKind.OPEN_REQUEST, p));
        }
        Optional<String> competitor = s.inbound() ? competitors.find(text) : Optional.empty();
        Instant at = s.occurredAt() == null ? Instant.now() : s.occurredAt();
        String key = "interaction:" + s.interactionId();
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!processed.firstTime(CONSUMER, key)) {
                return List.of();
            }
            List<Long> drafted = new ArrayList<>();
            long account = s.accountId();
            for (Map.Entry<SignalKind, Double> score : scores.entrySet()) {
                states.observe(account, 0, score.getKey(), score.getValue(), key, at)
                        .ifPresent(t -> draftIfOn(t, s, null, drafted));
            }
            if (s.outbound()) { // the rep answered; an internal note answers nobody
                states.set(account, 0, SignalKind.OPEN_REQUEST, 0, key, at);
            }
            competitor.flatMap(name -> states.observe(account, 0, SignalKind.COMPETITOR_MENTION, 1.0, key, at)
                    .map(t -> Map.entry(t, name))).ifPresent(e -> draftIfOn(e.getKey(), s, e.getValue(), drafted));
            if (s.dealId() != null) {
                states.set(account, s.dealId(), SignalKind.STALLED_DEAL, 0, key, at);
            }
            return drafted;
        });
    }

    /** A deal's stage changed: it is active again (no longer stalled). */
    public void onDealActivity(String sourceKey, long accountId, long dealId, Instant at) {
        QuarkusTransaction.joiningExisting().run(() -> {
            if (processed.firstTime(CONSUMER, sourceKey)) {
                states.set(accountId, dealId, SignalKind.STALLED_DEAL, 0, sourceKey, at);
            }
        });
    }

    private void draftIfOn(SignalTransition t, InteractionSignal cause, String detail, List<Long> drafted) {
        if (t.activated) {
            Action action = actions.draft(t, cause, detail);
            drafted.add(action.id);
        }
    }
}
