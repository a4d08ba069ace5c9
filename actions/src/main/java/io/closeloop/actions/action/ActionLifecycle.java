package io.closeloop.actions.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one way an action changes state: checks the transition is allowed, records it in
 * {@code action_event} (who, when, before and after), publishes {@code actions.action.<status>}
 * through the outbox and fires {@link ActionChanged}. Concurrent changes fail on the version.
 */
@ApplicationScoped
public class ActionLifecycle {

    public static final String EVENT_PREFIX = "actions.action.";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Event<ActionChanged> changed;

    public ActionLifecycle(Outbox outbox, ObjectMapper json, Event<ActionChanged> changed) {
        this.outbox = outbox;
        this.json = json;
        this.changed = changed;
    }

    /** Stores a new action in DRAFTED and records its creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Action action, Rep actor) {
        action.status = ActionStatus.DRAFTED;
        action.queuedAt = Instant.now();
        action.persist();
        record(action, null, null, actor, "drafted by " + action.agent + " via " + action.route);
    }

    /** Moves an action to {@code to}; 409 when the lifecycle does not allow it from its current state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Action action, ActionStatus to, Rep actor, String note) {
        move(action, to, actor, note, snapshot(action));
    }

    /** As {@link #move(Action, ActionStatus, Rep, String)}, with the state taken before the caller's edits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Action action, ActionStatus to, Rep actor, String note, String before) {
        ActionStatus from = action.status;
        if (!from.canMoveTo(to)) {
            throw ProblemException.conflict("Action " + action.id + " is " + from + " and cannot become " + to);
        }
        action.status = to;
        action.getEntityManager().flush(); // the version check happens here, before anything is recorded
        record(action, from, before, actor, note);
    }

    private void record(Action action, ActionStatus from, String before, Rep actor, String note) {
        ActionEvent event = new ActionEvent();
        event.actionId = action.id;
        event.fromStatus = from;
        event.toStatus = action.status;
        event.actorId = actor == null ? null : actor.id;
        event.at = Instant.now();
        event.before = before;
        event.after = snapshot(action);
        event.note = note;
        event.persist();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actionId", action.id);
        payload.put("type", action.type.name());
        payload.put("from", from == null ? null : from.name());
        payload.put("to", action.status.name());
        payload.put("ownerId", action.owner == null ? null : action.owner.id);
        payload.put("teamId", action.team == null ? null : action.team.id);
        payload.put("accountId", action.account == null ? null : action.account.id);
        payload.put("actorId", event.actorId);
        payload.put("at", event.at.toString());
        outbox.publish(EVENT_PREFIX + action.status.name().toLowerCase(Locale.ROOT).replace('_', '-'), payload);
        changed.fire(new ActionChanged(ActionView.of(action), from, action.eventAt));
    }

    /** The decision-relevant state of an action, as stored in before/after. */
    public String snapshot(Action a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", a.status.name());
        state.put("version", a.version);
        state.put("ownerId", a.owner == null ? null : a.owner.id);
        state.put("recipients", a.recipients);
        state.put("subject", a.subject);
        state.put("body", a.body);
        state.put("newValue", a.newValue);
        state.put("dueDate", a.dueDate == null ? null : a.dueDate.toString());
        state.put("attempts", a.attempts);
        state.put("lastError", a.lastError);
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
