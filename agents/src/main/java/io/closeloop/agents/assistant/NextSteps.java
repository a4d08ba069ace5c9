package io.closeloop.agents.assistant;

import java.util.List;

/** What the rep should do next, as at most three concrete steps. */
public record NextSteps(String reasoning, List<Step> steps) {

    /** One step: what to do, in how many days, on which evidence and why. */
    public record Step(String action, int dueInDays, List<Long> citedInteractionIds, String rationale) {
    }
}
