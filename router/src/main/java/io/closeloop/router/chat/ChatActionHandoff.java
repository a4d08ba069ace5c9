package io.closeloop.router.chat;

import io.closeloop.actions.action.ActionDrafts;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.actions.action.GuardrailCheck;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.EmailDraft;
import io.closeloop.agents.api.FieldUpdate;
import io.closeloop.agents.api.NoteProposal;
import io.closeloop.agents.api.ProposedAction;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.router.learn.ApprovedChatActions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Queues a chat's accepted proposals in the action loop: each becomes a {@link DraftRequest} with
 * origin CHAT, the route decision as origin reference, the agent and route that proposed it, its
 * evidence, and the verdict the chat's guardrail review already stored (with the repaired text on
 * REPAIR; NEEDS_APPROVAL goes to the rep's manager first). Each proposal is drafted in its own
 * transaction, so one that cannot be queued (the problem is reported) does not undo the others.
 *
 * <p>A retried chat request is a new route decision, so the decision id cannot deduplicate it;
 * the dedupe key is the rep, the UTC day and the proposal's content: the same proposal asked for
 * twice on one day is queued once, and the second request gets the first action's id.
 */
@ApplicationScoped
public class ChatActionHandoff implements ActionHandoff {

    private final ActionDrafts drafts;
    private final Clock clock = Clock.systemUTC();

    public ChatActionHandoff(ActionDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public List<Queued> queue(AgentRequest request, long decisionId, String agent, String route, List<ReviewedProposal> accepted) {
        List<Queued> queued = new ArrayList<>();
        for (ReviewedProposal p : accepted) {
            try {
                DraftRequest draft = draft(request, decisionId, agent, route, p);
                ActionDrafts.Drafted d = QuarkusTransaction.requiringNew().call(() -> drafts.draft(draft, Rep.findById(request.rep().id)));
                queued.add(new Queued(p, d.action().id, d.created(), null));
            } catch (ProblemException e) {
                queued.add(new Queued(p, null, false, e.getMessage()));
            }
        }
        return queued;
    }

    DraftRequest draft(AgentRequest request, long decisionId, String agent, String route, ReviewedProposal p) {
        if (!p.accepted()) {
            throw new IllegalArgumentException("a blocked proposal is never queued");
        }
        GuardrailCheck check = new GuardrailCheck(p.verdict().name(), p.verdictId(), p.rules());
        String originRef = ApprovedChatActions.ORIGIN_PREFIX + decisionId;
        String routeName = "chat/" + route.toLowerCase(Locale.ROOT).replace('_', '-');
        Rep rep = request.rep();
        ProposedAction a = p.proposal();
        DraftRequest draft;
        if (a instanceof EmailDraft e) {
            draft = new DraftRequest(ActionType.EMAIL, or(e.accountId(), request.accountId()), e.contactId(), request.dealId(), rep.id,
                    e.to() == null ? List.of() : List.of(e.to()), e.subject(), e.body(), null, null, null, null, ActionOrigin.CHAT,
                    originRef, agent, routeName, e.evidenceIds(), null, null, null);
        } else if (a instanceof FieldUpdate f) {
            if (!"deal".equals(f.entity())) {
                throw ProblemException.invalidField("entity", "the action loop changes deal fields only, not " + f.entity());
            }
            draft = new DraftRequest(ActionType.CRM_FIELD_UPDATE, null, null, f.entityId(), rep.id, List.of(), null, f.rationale(), f.field(),
                    f.currentValue(), f.proposedValue(), null, ActionOrigin.CHAT, originRef, agent, routeName, f.evidenceIds(), null, null, null);
        } else if (a instanceof TaskProposal t) {
            draft = new DraftRequest(ActionType.TASK, or(t.accountId(), request.accountId()), t.contactId(), t.dealId(), t.ownerId(), List.of(),
                    t.subject(), t.rationale(), null, null, null, t.dueDate(), ActionOrigin.CHAT, originRef, agent, routeName, t.evidenceIds(),
                    null, null, null);
        } else {
            NoteProposal n = (NoteProposal) a; // the last permitted kind of ProposedAction
            draft = new DraftRequest(ActionType.NOTE, or(n.accountId(), request.accountId()), n.contactId(), n.dealId(), rep.id, List.of(),
                    null, n.summary(), null, null, null, null, ActionOrigin.CHAT, originRef, agent, routeName, n.evidenceIds(), null, null, null);
        }
        String key = dedupeKey(rep.id, LocalDate.now(clock), draft);
        return new DraftRequest(draft.type(), draft.accountId(), draft.contactId(), draft.dealId(), draft.ownerId(), draft.recipients(),
                draft.subject(), draft.body(), draft.fieldName(), draft.oldValue(), draft.newValue(), draft.dueDate(), draft.origin(),
                draft.originRef(), draft.agent(), draft.route(), draft.evidenceInteractionIds(), null, key, null)
                // the review read a task as its subject (twice), so only the subject's repair applies to it
                .withGuardrail(check, p.repairedSubject(), a instanceof TaskProposal ? null : p.repairedBody());
    }

    /** The rep, the day and what the action would do (before repairs, so a repeat maps to the same key). */
    static String dedupeKey(long repId, LocalDate day, DraftRequest d) {
        String content = String.join("\u001f", d.type().name(), Objects.toString(d.accountId()), Objects.toString(d.contactId()),
                Objects.toString(d.dealId()), Objects.toString(d.ownerId()), String.join(",", d.recipients()), Objects.toString(d.subject()),
                Objects.toString(d.body()), Objects.toString(d.fieldName()), Objects.toString(d.newValue()), Objects.toString(d.dueDate()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "chat:" + repId + ":" + day + ":" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long or(Long value, Long fallback) {
        return value != null ? value : fallback;
    }
}
