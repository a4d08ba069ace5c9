package io.closeloop.actions.action;

import io.closeloop.actions.execution.DealFields;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a draft request field by field and resolves the records it is about. Every problem is
 * reported at once (field and reason), and nothing is stored when any is found.
 */
@ApplicationScoped
public class DraftValidator {

    private final AccountScope scope;
    private final Validator beanValidator;

    public DraftValidator(AccountScope scope, Validator beanValidator) {
        this.scope = scope;
        this.beanValidator = beanValidator;
    }

    /** The records a valid draft is about, and the current value of the field it changes. */
    public record Resolved(Account account, Contact contact, Deal deal, String oldValue) {
    }

    private record Address(@NotBlank @Email String value) {
    }

    /** @param actor the rep drafting through the API (checked against the ownership rule), null for the system */
    public Resolved validate(DraftRequest r, Rep actor) {
        List<FieldError> errors = new ArrayList<>();
        if (r.type() == null) {
            errors.add(new FieldError("type", "is required (EMAIL, CRM_FIELD_UPDATE, TASK or NOTE)"));
        }
        if (r.origin() == null) {
            errors.add(new FieldError("origin", "is required"));
        }
        if (blank(r.agent())) {
            errors.add(new FieldError("agent", "must name the agent that drafted it"));
        }
        if (blank(r.route())) {
            errors.add(new FieldError("route", "must name the route that drafted it"));
        }
        Deal deal = r.dealId() == null ? null : Deal.findById(r.dealId());
        Contact contact = r.contactId() == null ? null : Contact.findById(r.contactId());
        Account account = r.accountId() != null ? Account.findById(r.accountId())
                : deal != null ? deal.account : contact != null ? contact.account : null;
        if (r.accountId() != null && account == null || actor != null && account != null && !scope.canSee(actor, account)) {
            throw ProblemException.notFound("Account", r.accountId());
        }
        if (r.dealId() != null && (deal == null || account == null || !deal.account.id.equals(account.id))) {
            errors.add(new FieldError("dealId", "no such deal at this account"));
        }
        if (r.contactId() != null && (contact == null || account == null || contact.account == null
                || !contact.account.id.equals(account.id))) {
            errors.add(new FieldError("contactId", "no such contact at this account"));
        }
        if (account == null) {
            errors.add(new FieldError("accountId", "is required (or a deal or contact that belongs to one)"));
        }
        String oldValue = null;
        if (r.type() != null) {
            switch (r.type()) {
                case EMAIL -> email(r, errors);
                case TASK -> required("subject", r.subject(), errors);
                case NOTE -> required("body", r.body(), errors);
                case CRM_FIELD_UPDATE -> oldValue = fieldUpdate(r, deal, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).reason(), errors);
        }
        return new Resolved(account, contact, deal, oldValue);
    }

    private void email(DraftRequest r, List<FieldError> errors) {
        if (r.recipients().isEmpty()) {
            errors.add(new FieldError("recipients", "an e-mail needs at least one recipient"));
        }
        for (int i = 0; i < r.recipients().size(); i++) {
            if (!isEmailAddress(r.recipients().get(i))) {
                errors.add(new FieldError("recipients[" + i + "]", "is not an e-mail address"));
            }
        }
        required("subject", r.subject(), errors);
        required("body", r.body(), errors);
    }

    public boolean isEmailAddress(String value) {
        return beanValidator.validate(new Address(value)).isEmpty();
    }

    private static String fieldUpdate(DraftRequest r, Deal deal, List<FieldError> errors) {
        if (r.dealId() == null) {
            errors.add(new FieldError("dealId", "a field update needs the deal it changes"));
            return null;
        }
        if (!DealFields.supports(r.fieldName())) {
            errors.add(new FieldError("fieldName", "must be one of " + DealFields.NAMES));
            return null;
        }
        String problem = DealFields.checkValue(r.fieldName(), r.newValue());
        if (problem != null) {
            errors.add(new FieldError("newValue", problem));
        }
        return deal == null ? null : DealFields.read(deal, r.fieldName());
    }

    private static void required(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, "must not be blank"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
