package io.closeloop.router.learn;

/** A labelled candidate as the API shows it. */
public record CandidateView(long id, long decisionId, String label, String source) {

    static CandidateView of(IntentCandidate c) {
        return new CandidateView(c.id, c.decisionId, c.label, c.source);
    }
}
