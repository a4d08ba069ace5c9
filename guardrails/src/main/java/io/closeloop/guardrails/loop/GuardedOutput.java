package io.closeloop.guardrails.loop;

import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;

/**
 * What the validate-and-repair loop hands on: the output to show (repairs applied), the final
 * check, how many revision rounds it took (0 or 1), and whether the safe fallback replaced a
 * still-blocked output.
 */
public record GuardedOutput(DraftInput output, CheckResult check, int revisions, boolean fallback) {
}
