package io.closeloop.router.chat;

import io.closeloop.guardrails.catalogue.Verdict;
import java.util.List;

/**
 * The guardrails' verdict on one part of an answer: {@code subject} is {@code answer} or
 * {@code action[i]} (the i-th proposed action), or an earlier round of the LLM agent's repair loop
 * ({@code answer draft 1}, {@code action[0] draft 1}, {@code withheld-answer draft n},
 * {@code withheld-draft draft n}), with the stored verdict id and the rules that fired.
 */
public record GuardrailVerdictView(String subject, Verdict verdict, Long verdictId, List<String> rules, Long approverId) {
}
