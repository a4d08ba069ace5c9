package io.closeloop.guardrails.loop;

import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import java.util.List;

/**
 * What the validate-and-repair loop hands on: the output to show (repairs applied), the final
 * check, how many revision rounds it took (0 or 1), whether the safe fallback replaced a
 * still-blocked output, and every check in order (the verdict history: the original, then the revision).
 */
public record GuardedOutput(DraftInput output, CheckResult check, int revisions, boolean fallback, List<CheckResult> checks) {

    public GuardedOutput {
        checks = checks == null || checks.isEmpty() ? List.of(check) : List.copyOf(checks);
    }

    public GuardedOutput(DraftInput output, CheckResult check, int revisions, boolean fallback) {
        this(output, check, revisions, fallback, List.of(check));
    }
}
