package io.closeloop.agents.api;

/**
 * Who produced an answer. {@code OFFLINE} answers are templates filled with retrieved facts and
 * are never presented as LLM output.
 */
public enum AnswerMode {
    /** a small agent: CRM queries, extractors and scorers, no LLM */
    SMALL_MODEL,
    /** an LLM agent answered (grounded, PII redacted before the call) */
    LLM,
    /** an LLM was needed but none is configured or it is unavailable: a template draft */
    OFFLINE
}
