package io.closeloop.guardrails.check;

import io.closeloop.crm.match.Normalize;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rejects an output that cannot be checked, naming each bad field (RFC 9457 validation problem). */
final class DraftValidation {

    static final Set<String> CHANNELS = Set.of("EMAIL", "CHAT", "NOTE", "TASK", "CHANGE");
    static final int MAX_RECIPIENTS = 50;

    private DraftValidation() {
    }

    static void validate(DraftInput draft) {
        if (draft == null) {
            throw ProblemException.invalidField("body", "a draft is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (draft.channel() == null || !CHANNELS.contains(draft.channel())) {
            errors.add(new FieldError("channel", "must be one of " + String.join(", ", CHANNELS.stream().sorted().toList())));
        }
        if (draft.tooLong()) {
            errors.add(new FieldError("body", "subject and body together exceed " + DraftInput.MAX_TEXT + " characters"));
        }
        if ((draft.body() == null || draft.body().isBlank()) && draft.changes().isEmpty()) {
            errors.add(new FieldError("body", "must not be blank unless changes are proposed"));
        }
        if (draft.recipients().size() > MAX_RECIPIENTS) {
            errors.add(new FieldError("recipients", "more than " + MAX_RECIPIENTS + " recipients"));
        }
        for (int i = 0; i < draft.recipients().size(); i++) {
            if (Normalize.email(draft.recipients().get(i)) == null) {
                errors.add(new FieldError("recipients[" + i + "]", "not an e-mail address"));
            }
        }
        for (int i = 0; i < draft.changes().size(); i++) {
            ProposedChange c = draft.changes().get(i);
            if (c == null || c.entity() == null || c.entity().isBlank()) {
                errors.add(new FieldError("changes[" + i + "].entity", "is required"));
            } else if (c.field() == null || c.field().isBlank()) {
                errors.add(new FieldError("changes[" + i + "].field", "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).reason(), errors);
        }
    }
}
