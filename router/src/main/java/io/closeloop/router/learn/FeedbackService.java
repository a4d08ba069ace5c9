package io.closeloop.router.learn;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.router.intents.Intent;
import io.closeloop.router.intents.IntentTaxonomy;
import io.closeloop.router.log.RouteDecision;
import io.closeloop.router.policy.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * Turns feedback on a routed message into a labelled candidate for the next retraining: a
 * correction ("that's not what I asked", with the right intent) or an accepted outcome (the routed
 * intent was right). One candidate per decision; a correction replaces an acceptance, never the
 * other way round. Only the rep who asked may give feedback on a decision.
 */
@ApplicationScoped
public class FeedbackService {

    private final IntentTaxonomy taxonomy;

    public FeedbackService(IntentTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Transactional
    public CandidateView correct(Rep rep, long decisionId, String intent) {
        if (intent == null || intent.isBlank()) {
            throw ProblemException.invalidField("intent", "must name the intent you meant");
        }
        if (taxonomy.find(intent.strip()).isEmpty()) {
            throw ProblemException.invalidField("intent", "unknown intent '" + intent.strip() + "'; known: "
                    + taxonomy.intents().stream().map(Intent::id).toList());
        }
        RouteDecision decision = ownDecision(rep, decisionId);
        IntentCandidate candidate = candidateOf(decisionId);
        candidate.label = intent.strip();
        candidate.source = IntentCandidate.Source.CORRECTION.name();
        return save(decision, candidate);
    }

    /** The rep accepted the answer (or an action drafted from it): the routed intent becomes a label. */
    @Transactional
    public CandidateView accepted(Rep rep, long decisionId) {
        RouteDecision decision = ownDecision(rep, decisionId);
        if (!routed(decision)) {
            throw ProblemException.conflict("Decision " + decisionId + " asked a clarifying question; there is no routed intent to accept");
        }
        return accept(decision);
    }

    /**
     * The rep who asked approved an action drafted from the answer (with or without edits): the
     * routed intent was right. Quietly does nothing for a decision that is gone, asked a clarifying
     * question, or was corrected — an approval must never fail because of its learning side effect.
     */
    @Transactional
    public void acceptedThroughAction(long decisionId, Long approverId) {
        RouteDecision decision = RouteDecision.findById(decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision != null && routed(decision) && Objects.equals(decision.repId, approverId)) {
            accept(decision);
        }
    }

    private static boolean routed(RouteDecision decision) {
        return decision.agentIntent != null && !Route.CLARIFY.name().equals(decision.route);
    }

    /** The routed intent as the label, unless the rep corrected it (their correction is the better label). */
    private CandidateView accept(RouteDecision decision) {
        IntentCandidate candidate = candidateOf(decision.id);
        if (IntentCandidate.Source.CORRECTION.name().equals(candidate.source)) {
            return CandidateView.of(candidate);
        }
        candidate.label = decision.agentIntent;
        candidate.source = IntentCandidate.Source.ACCEPTED.name();
        return save(decision, candidate);
    }

    /** Decisions reach here only as the asking rep's own ({@link #ownDecision}), so the candidate is theirs. */
    private CandidateView save(RouteDecision decision, IntentCandidate candidate) {
        candidate.decisionId = decision.id;
        candidate.text = decision.message;
        candidate.repId = decision.repId;
        candidate.persist();
        return CandidateView.of(candidate);
    }

    private static IntentCandidate candidateOf(long decisionId) {
        IntentCandidate existing = IntentCandidate.<IntentCandidate>find("decisionId", decisionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return existing != null ? existing : new IntentCandidate();
    }

    private static RouteDecision ownDecision(Rep rep, long decisionId) {
        RouteDecision decision = RouteDecision.findById(decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null || !Objects.equals(decision.repId, rep.id)) {
            throw ProblemException.notFound("Route decision", decisionId);
        }
        return decision;
    }
}
