package io.closeloop.crm.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.task.Task;
import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditLog;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Right to erasure: removes a contact or an account and everything every layer holds about it,
 * in one transaction (all hooks, the CRM rows, the erasure record and the outbox event commit
 * together or not at all). Callers check that the actor is an admin.
 */
@ApplicationScoped
public class ErasureService {

    private final Instance<ErasureHook> hooks;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;

    public ErasureService(Instance<ErasureHook> hooks, Outbox outbox, AuditLog audit, ObjectMapper json) {
        this.hooks = hooks;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public ErasureView eraseContact(Rep admin, long contactId, String reason) {
        Contact contact = Contact.findById(contactId);
        if (contact == null) {
            throw ProblemException.notFound("Contact", contactId);
        }
        Long accountId = contact.account == null ? null : contact.account.id;
        ErasureSubject subject = new ErasureSubject(ErasureSubject.Kind.CONTACT, contactId, accountId,
                List.of(contactId), sorted(termsOf(contact)));
        Map<String, Long> counts = runHooks(subject);
        Contact.getEntityManager().flush();
        counts.put("crm.contacts.deleted", (long) Contact.delete("id", contactId));
        return finish(admin, subject, reason, counts);
    }

    @Transactional
    public ErasureView eraseAccount(Rep admin, long accountId, String reason) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound("Account", accountId);
        }
        List<Contact> contacts = Contact.list("account.id", accountId);
        Set<String> terms = new LinkedHashSet<>();
        addTerm(terms, account.name);
        addTerm(terms, account.domain);
        contacts.forEach(c -> terms.addAll(termsOf(c)));
        ErasureSubject subject = new ErasureSubject(ErasureSubject.Kind.ACCOUNT, accountId, accountId,
                contacts.stream().map(c -> c.id).toList(), sorted(terms));
        Map<String, Long> counts = runHooks(subject);
        counts.put("crm.contacts.deleted", (long) contacts.size());
        counts.put("crm.deals.deleted", Deal.count("account.id", accountId));
        counts.put("crm.tasks.deleted", Task.count("account.id", accountId));
        Account.getEntityManager().flush();
        Account.getEntityManager().clear();
        // contacts, deals (+ stage history), tasks and team shares go with the account (on delete cascade)
        counts.put("crm.accounts.deleted", (long) Account.delete("id", accountId));
        return finish(admin, subject, reason, counts);
    }

    private Map<String, Long> runHooks(ErasureSubject subject) {
        Map<String, Long> counts = new TreeMap<>();
        for (ErasureHook hook : hooks) {
            hook.erase(subject).forEach((what, n) -> counts.merge(hook.part() + "." + what, n, Long::sum));
        }
        return counts;
    }

    private ErasureView finish(Rep admin, ErasureSubject subject, String reason, Map<String, Long> counts) {
        ErasureRecord record = new ErasureRecord();
        record.subjectKind = subject.kind().name();
        record.subjectId = subject.id();
        record.requestedBy = admin.id;
        record.reason = reason;
        record.counts = toJson(counts);
        record.erasedAt = Instant.now();
        record.persist();
        String kind = subject.kind().name().toLowerCase();
        outbox.publish("crm." + kind + ".erased", Map.of(kind + "Id", subject.id(), "erasureRecordId", record.id));
        audit.record(admin.username, AuditAction.ERASURE, kind + ":" + subject.id(), "done",
                "erasure record " + record.id + " " + record.counts);
        return new ErasureView(record.id, record.subjectKind, record.subjectId, counts, record.erasedAt);
    }

    String toJson(Map<String, Long> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What identifies a person in free text: full name both ways round, e-mail address, phone. */
    static Set<String> termsOf(Contact contact) {
        Set<String> terms = new LinkedHashSet<>();
        String first = contact.firstName == null ? "" : contact.firstName.trim();
        String last = contact.lastName == null ? "" : contact.lastName.trim();
        if (!first.isEmpty() && !last.isEmpty()) {
            addTerm(terms, first + " " + last);
            addTerm(terms, last + ", " + first);
        } else {
            addTerm(terms, first + last);
        }
        addTerm(terms, contact.email);
        addTerm(terms, contact.phone);
        return terms;
    }

    private static void addTerm(Set<String> terms, String term) {
        if (term != null && term.trim().length() >= 3) {
            terms.add(term.trim());
        }
    }

    private static List<String> sorted(Set<String> terms) {
        List<String> list = new ArrayList<>(terms);
        list.sort(Comparator.comparingInt(String::length).reversed());
        return list;
    }
}
