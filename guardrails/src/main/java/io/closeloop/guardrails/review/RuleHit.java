package io.closeloop.guardrails.review;

/**
 * A rule that fired: the rule's name (its key in the catalogue), what exactly it found, and for
 * repairing rules the text to replace and its replacement.
 */
public record RuleHit(String rule, String detail, String find, String replace) {

    public static RuleHit of(String rule, String detail) {
        return new RuleHit(rule, detail, null, null);
    }

    public static RuleHit repair(String rule, String detail, String find, String replace) {
        return new RuleHit(rule, detail, find, replace);
    }

    public boolean repairs() {
        return find != null && replace != null;
    }
}
