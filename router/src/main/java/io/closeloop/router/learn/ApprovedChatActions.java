package io.closeloop.router.learn;

import io.closeloop.actions.action.ActionChanged;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.Set;

/**
 * Feedback from the action loop into routing: when the rep who asked approves (or edits and
 * approves) an action the chat drafted, the routed intent was right, and the message becomes an
 * accepted training candidate — in the approval's own transaction, so it exists exactly when the
 * approval does. A rejection says nothing about the intent (the draft may be wrong, not the
 * route), so it makes no candidate; a manager's approval is not the asker's feedback either.
 */
@ApplicationScoped
public class ApprovedChatActions {

    public static final String ORIGIN_PREFIX = "route-decision:";
    private static final Set<ActionStatus> APPROVALS = EnumSet.of(ActionStatus.APPROVED, ActionStatus.EDITED_AND_APPROVED);

    private final FeedbackService feedback;

    public ApprovedChatActions(FeedbackService feedback) {
        this.feedback = feedback;
    }

    void onChange(@Observes ActionChanged changed) {
        ActionView action = changed.action();
        if (action.origin() != ActionOrigin.CHAT || !APPROVALS.contains(action.status()) || changed.from() == action.status()
                || action.originRef() == null || !action.originRef().startsWith(ORIGIN_PREFIX) || action.owner() == null) {
            return;
        }
        long decisionId;
        try {
            decisionId = Long.parseLong(action.originRef().substring(ORIGIN_PREFIX.length()));
        } catch (NumberFormatException e) {
            return;
        }
        feedback.acceptedThroughAction(decisionId, action.owner().id());
    }
}
