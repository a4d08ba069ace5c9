package io.closeloop.actions.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.actions.action.Action;
import io.closeloop.crm.rep.Rep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes the feedback row of a decided action, in the decision's transaction. */
@ApplicationScoped
public class FeedbackRecorder {

    /** One changed field: its name and its draft and final values. */
    public record Change(String field, Object draft, Object last) {
    }

    private final ObjectMapper json;

    public FeedbackRecorder(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback accepted(Action action, Rep by) {
        return save(action, by, FeedbackKind.ACCEPTED, List.of());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback edited(Action action, Rep by, String draftText, List<Change> changes) {
        Feedback feedback = save(action, by, FeedbackKind.EDITED, changes);
        feedback.draftText = draftText;
        feedback.editDistance = EditDiff.normalisedDistance(draftText, feedback.finalText);
        return feedback;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback rejected(Action action, Rep by, RejectionReason reason, String text) {
        Feedback feedback = save(action, by, FeedbackKind.REJECTED, List.of());
        feedback.reasonCode = reason;
        feedback.reasonText = text;
        return feedback;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback expired(Action action) {
        return save(action, null, FeedbackKind.EXPIRED, List.of());
    }

    private Feedback save(Action action, Rep by, FeedbackKind kind, List<Change> changes) {
        Feedback feedback = new Feedback();
        feedback.actionId = action.id;
        feedback.kind = kind;
        feedback.draftText = action.draftText();
        feedback.finalText = action.text();
        feedback.editDistance = EditDiff.normalisedDistance(feedback.draftText, feedback.finalText);
        feedback.byId = by == null ? null : by.id;
        feedback.at = Instant.now();
        try {
            feedback.changes = json.writeValueAsString(changes.stream()
                    .map(c -> Map.of("field", c.field(), "draft", String.valueOf(c.draft()), "final", String.valueOf(c.last())))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        feedback.persist();
        return feedback;
    }
}
