package io.closeloop.agents.llm;

/** What an LLM is asked to do; each role can use its own provider and model. */
public enum LlmRole {
    DRAFT_EMAIL("draft-email"),
    SUMMARIZE_ACCOUNT("summarize-account"),
    NEXT_BEST_ACTION("next-best-action"),
    MEETING_PREP("meeting-prep"),
    OBJECTION_HANDLING("objection-handling");

    private final String key;

    LlmRole(String key) {
        this.key = key;
    }

    /** The key under {@code closeloop.agents.llm.roles}. */
    public String key() {
        return key;
    }
}
