package io.closeloop.guardrails.catalogue;

/**
 * What a fired rule does to the output, least severe first. FLAG only warns (the output is
 * allowed and the warning shown); the most severe hit decides the {@link Verdict}.
 */
public enum Severity {
    FLAG(Verdict.ALLOW), REPAIR(Verdict.REPAIR), NEEDS_APPROVAL(Verdict.NEEDS_APPROVAL), BLOCK(Verdict.BLOCK);

    private final Verdict verdict;

    Severity(Verdict verdict) {
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
