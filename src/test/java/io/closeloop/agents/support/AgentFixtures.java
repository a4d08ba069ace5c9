package io.closeloop.agents.support;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.product.PriceBookEntry;
import io.closeloop.crm.product.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** CRM records the agents' tests need beyond {@code CrmFixtures}: a named contact with a phone, products, dates. */
@ApplicationScoped
public class AgentFixtures {

    @Transactional
    public Contact person(Account account, String first, String last, String phone) {
        Contact contact = new Contact();
        contact.account = Account.findById(account.id);
        contact.firstName = first;
        contact.lastName = last;
        contact.email = first.toLowerCase() + "." + last.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + contact.account.domain;
        contact.phone = phone;
        contact.title = "VP Operations";
        contact.setConsent(EmailConsent.GRANTED, Instant.now());
        contact.persist();
        return contact;
    }

    @Transactional
    public Deal closeOn(Deal deal, LocalDate closeDate, BigDecimal amount) {
        Deal managed = Deal.findById(deal.id);
        managed.closeDate = closeDate;
        managed.amount = amount;
        return managed;
    }

    @Transactional
    public Account tier(Account account, io.closeloop.crm.account.AccountTier tier) {
        Account managed = Account.findById(account.id);
        managed.tier = tier;
        return managed;
    }

    @Transactional
    public Product product(String name, BigDecimal listPrice) {
        Product product = new Product();
        product.sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        product.name = name;
        product.family = "Platform";
        product.persist();
        PriceBookEntry entry = new PriceBookEntry();
        entry.product = product;
        entry.currency = "USD";
        entry.listPrice = listPrice;
        entry.maxDiscountPct = new BigDecimal("15");
        entry.persist();
        return product;
    }
}
