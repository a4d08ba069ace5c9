package io.closeloop.actions.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionEvent;
import io.closeloop.actions.feedback.Feedback;
import io.closeloop.crm.erasure.ErasureHook;
import io.closeloop.crm.erasure.ErasureSubject;
import io.closeloop.crm.erasure.Redaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The action loop's part of an erasure: drafts (recipients, subject, body, the draft's own text,
 * field values, last error), their transitions ({@code action_event} before/after snapshots and
 * notes), feedback (draft and final text, changed fields, the rejection's free text) and outcome
 * details lose the erased person's name, e-mail and phone. Rows stay, so every count in the
 * reports stays; when a whole account is erased its actions are detached from the account (and its
 * deals) instead of going with it by cascade. Looks at the subject's actions and at any action
 * whose text mentions a term (a draft may name a contact of another account).
 */
@ApplicationScoped
public class ActionErasureHook implements ErasureHook {

    private final EntityManager em;
    private final ObjectMapper json;

    public ActionErasureHook(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public String part() {
        return "actions";
    }

    @Override
    public Map<String, Long> erase(ErasureSubject subject) {
        Map<String, Long> counts = new TreeMap<>();
        if (subject.terms().isEmpty() && subject.contactIds().isEmpty()) {
            return counts;
        }
        // the one change action_event's append-only trigger lets through (V5_8), for this transaction only
        em.createNativeQuery("select set_config('closeloop.erasure', 'on', true)").getSingleResult();
        List<String> terms = subject.terms();
        String[] patterns = terms.stream().map(Redaction::containsPattern).toArray(String[]::new);
        List<Long> actionIds = ids(em.createNativeQuery("""
                select id from action
                where contact_id = any (?1) or (?2 and account_id = ?3)
                   or concat_ws(' ', array_to_string(recipients, ' '), subject, body, draft_subject, draft_body,
                                old_value, new_value, last_error, origin_ref) ilike any (?4)""")
                .setParameter(1, subject.contactIds().toArray(Long[]::new))
                .setParameter(2, subject.kind() == ErasureSubject.Kind.ACCOUNT)
                .setParameter(3, subject.accountId() == null ? -1L : subject.accountId())
                .setParameter(4, patterns)
                .getResultList());
        long actions = 0;
        for (Action a : actionIds.isEmpty() ? List.<Action>of() : Action.<Action>list("id in ?1", actionIds)) {
            if (redact(a, terms)) {
                actions++;
            }
        }
        counts.put("actions.redacted", actions);
        counts.put("events.redacted", redactEvents(actionIds, patterns, terms));
        counts.put("feedback.redacted", redactFeedback(actionIds, patterns, terms));
        counts.put("outcomes.redacted", (long) em.createNativeQuery(
                "update action_outcome set detail = ?1 where detail ilike any (?2)")
                .setParameter(1, Redaction.MARK).setParameter(2, patterns).executeUpdate());
        if (subject.kind() == ErasureSubject.Kind.ACCOUNT) {
            em.flush();
            // keep the actions (and their feedback and outcomes) when the account and its deals go by cascade
            counts.put("actions.detached", (long) em.createNativeQuery("""
                    update action set account_id = null, deal_id = null, contact_id = null, version = version + 1
                    where account_id = ?1 or deal_id in (select id from deal where account_id = ?1)""")
                    .setParameter(1, subject.accountId()).executeUpdate());
        }
        return counts;
    }

    private static boolean redact(Action a, List<String> terms) {
        List<String> recipients = new ArrayList<>(a.recipients.stream().map(r -> Redaction.redact(r, terms)).toList());
        String[] before = { a.subject, a.body, a.draftSubject, a.draftBody, a.oldValue, a.newValue, a.lastError, a.originRef };
        a.subject = Redaction.redact(a.subject, terms);
        a.body = Redaction.redact(a.body, terms);
        a.draftSubject = Redaction.redact(a.draftSubject, terms);
        a.draftBody = Redaction.redact(a.draftBody, terms);
        a.oldValue = Redaction.redact(a.oldValue, terms);
        a.newValue = Redaction.redact(a.newValue, terms);
        a.lastError = Redaction.redact(a.lastError, terms);
        a.originRef = Redaction.redact(a.originRef, terms);
        String[] after = { a.subject, a.body, a.draftSubject, a.draftBody, a.oldValue, a.newValue, a.lastError, a.originRef };
        boolean changed = !recipients.equals(a.recipients) || !java.util.Arrays.equals(before, after);
        if (!recipients.equals(a.recipients)) {
            a.recipients = recipients;
        }
        return changed;
    }

    private long redactEvents(List<Long> actionIds, String[] patterns, List<String> terms) {
        List<Long> ids = ids(em.createNativeQuery("""
                select id from action_event
                where action_id = any (?1) or concat_ws(' ', before::text, after::text, note) ilike any (?2)""")
                .setParameter(1, actionIds.toArray(Long[]::new)).setParameter(2, patterns).getResultList());
        long n = 0;
        for (ActionEvent e : ids.isEmpty() ? List.<ActionEvent>of() : ActionEvent.<ActionEvent>list("id in ?1", ids)) {
            String before = redactJson(e.before, terms);
            String after = redactJson(e.after, terms);
            String note = Redaction.redact(e.note, terms);
            if (!Objects.equals(before, e.before) || !Objects.equals(after, e.after) || !Objects.equals(note, e.note)) {
                e.before = before;
                e.after = after;
                e.note = note;
                n++;
            }
        }
        return n;
    }

    private long redactFeedback(List<Long> actionIds, String[] patterns, List<String> terms) {
        List<Long> ids = ids(em.createNativeQuery("""
                select id from feedback
                where action_id = any (?1) or concat_ws(' ', draft_text, final_text, changes::text, reason_text) ilike any (?2)""")
                .setParameter(1, actionIds.toArray(Long[]::new)).setParameter(2, patterns).getResultList());
        long n = 0;
        for (Feedback f : ids.isEmpty() ? List.<Feedback>of() : Feedback.<Feedback>list("id in ?1", ids)) {
            String draft = Redaction.redact(f.draftText, terms);
            String fin = Redaction.redact(f.finalText, terms);
            String changes = redactJson(f.changes, terms);
            String reason = Redaction.redact(f.reasonText, terms);
            if (!Objects.equals(draft, f.draftText) || !Objects.equals(fin, f.finalText)
                    || !Objects.equals(changes, f.changes) || !Objects.equals(reason, f.reasonText)) {
                f.draftText = draft;
                f.finalText = fin;
                f.changes = changes;
                f.reasonText = reason;
                n++;
            }
        }
        return n;
    }

    /** Redacts every string value (and key) of a JSON document, leaving its structure valid; null stays null. */
    String redactJson(String document, List<String> terms) {
        if (document == null) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(document);
            JsonNode redacted = redactNode(tree, terms);
            return redacted.equals(tree) ? document : json.writeValueAsString(redacted);
        } catch (JsonProcessingException e) {
            return Redaction.redact(document, terms);
        }
    }

    private static JsonNode redactNode(JsonNode node, List<String> terms) {
        if (node.isTextual()) {
            return TextNode.valueOf(Redaction.redact(node.textValue(), terms));
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(child -> copy.add(redactNode(child, terms)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(Redaction.redact(field.getKey(), terms), redactNode(field.getValue(), terms));
            }
            return copy;
        }
        return node;
    }

    @SuppressWarnings("rawtypes")
    private static List<Long> ids(List rows) {
        List<Long> ids = new ArrayList<>();
        for (Object row : rows) {
            ids.add(((Number) row).longValue());
        }
        return ids;
    }
}
