package io.closeloop.actions.action;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A recorded transition as the API shows it. */
public record ActionEventView(Long id, ActionStatus from, ActionStatus to, Long actorId, Instant at,
        @JsonRawValue String before, @JsonRawValue String after, String note) {

    public static ActionEventView of(ActionEvent e) {
        return new ActionEventView(e.id, e.fromStatus, e.toStatus, e.actorId, e.at, e.before, e.after, e.note);
    }
}
