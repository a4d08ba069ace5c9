package io.closeloop.guardrails;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.product.PriceBookEntry;
import io.closeloop.crm.product.Product;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

/**
 * The CRM a guardrail test needs, in the real database: a fixed catalogue with its price book
 * (created once), and per test a rep with a manager, an account with contacts of every consent,
 * and a contact of another account.
 */
@ApplicationScoped
public class GuardrailFixtures {

    public static final String STRICT_TEAM = "guardrails-strict";

    /** Who and what a guardrail test works with. */
    public record Scene(Rep rep, Rep manager, Account account, Contact granted, Contact withdrawn, Contact unknown,
            Account otherAccount, Contact otherContact) {
    }

    private final CrmFixtures crm;

    public GuardrailFixtures(CrmFixtures crm) {
        this.crm = crm;
    }

    /** Catalogue: Insights Pro USD 1,200 / EUR 1,100 (max 20%), Forecast USD 800 (15%), Sequences USD 450 (10%), Pipeline Guard Add-on USD 300 (25%), Enterprise Suite USD 25,000 (30%). */
    @Transactional
    public void catalogue() {
        product("GR-INS", "Closeloop Insights Pro", "Analytics", "USD", "1200.00", "20");
        product("GR-INS", "Closeloop Insights Pro", "Analytics", "EUR", "1100.00", "20");
        product("GR-FC", "Closeloop Forecast", "Analytics", "USD", "800.00", "15");
        product("GR-SEQ", "Closeloop Sequences", "Engagement", "USD", "450.00", "10");
        product("GR-PGA", "Pipeline Guard Add-on", "Add-ons", "USD", "300.00", "25");
        product("GR-ENT", "Closeloop Enterprise Suite", "Platform", "USD", "25000.00", "30");
    }

    public Scene scene(boolean strictTeam) {
        catalogue();
        Team team = strictTeam ? strictTeam() : crm.team("gr-team");
        Rep manager = crm.rep("gr-manager", RepRole.MANAGER, team);
        Rep rep = crm.rep("gr-rep", RepRole.REP, team);
        reportsTo(rep, manager);
        Account account = crm.account("Guarded Co", rep);
        Contact granted = crm.contact(account, "Grace", EmailConsent.GRANTED);
        Contact withdrawn = crm.contact(account, "Wendy", EmailConsent.WITHDRAWN);
        Contact unknown = crm.contact(account, "Uma", EmailConsent.UNKNOWN);
        Account other = crm.account("Other Co", crm.rep("gr-other", RepRole.REP, null));
        Contact otherContact = crm.contact(other, "Otto", EmailConsent.GRANTED);
        withPhone(otherContact, "+1 (415) 555-" + (1000 + (int) (Math.random() * 8999)));
        return new Scene(Rep.findById(rep.id), manager, account, granted, withdrawn, unknown, other,
                Contact.findById(otherContact.id));
    }

    @Transactional
    Team strictTeam() {
        Team team = Team.named(STRICT_TEAM);
        if (team == null) {
            team = new Team();
            team.name = STRICT_TEAM;
            team.persist();
        }
        return team;
    }

    @Transactional
    void reportsTo(Rep rep, Rep manager) {
        Rep managed = Rep.findById(rep.id);
        managed.manager = Rep.findById(manager.id);
    }

    @Transactional
    void withPhone(Contact contact, String phone) {
        Contact managed = Contact.findById(contact.id);
        managed.phone = phone;
    }

    private static void product(String sku, String name, String family, String currency, String price, String maxDiscount) {
        Product product = Product.find("sku", sku).firstResult();
        if (product == null) {
            product = new Product();
            product.sku = sku;
            product.name = name;
            product.family = family;
            product.persist();
        }
        long entries = PriceBookEntry.count("product = ?1 and currency = ?2", product, currency);
        if (entries == 0) {
            PriceBookEntry entry = new PriceBookEntry();
            entry.product = product;
            entry.currency = currency;
            entry.listPrice = new BigDecimal(price);
            entry.maxDiscountPct = new BigDecimal(maxDiscount);
            entry.persist();
        }
    }
}
