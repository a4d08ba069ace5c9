package io.closeloop.crm;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.deal.DealStageChanges;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds CRM records for tests in the real database. Every name carries a unique suffix so
 * tests never collide with each other or with earlier runs.
 */
@ApplicationScoped
public class CrmFixtures {

    public static final String PASSWORD = "test-password";

    private final DealStageChanges stages;

    public CrmFixtures(DealStageChanges stages) {
        this.stages = stages;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Team team(String name) {
        Team team = new Team();
        team.name = unique(name);
        team.persist();
        return team;
    }

    @Transactional
    public Rep rep(String username, RepRole role, Team team) {
        Rep rep = new Rep();
        rep.username = unique(username);
        rep.fullName = username + " Tester";
        rep.email = rep.username + "@closeloop.test";
        rep.role = role.name();
        rep.team = team == null ? null : Team.findById(team.id);
        rep.discountAuthorityPct = role == RepRole.REP ? new BigDecimal("10") : new BigDecimal("25");
        rep.setPassword(PASSWORD);
        rep.persist();
        return rep;
    }

    @Transactional
    public Account account(String name, Rep owner) {
        Account account = new Account();
        account.rename(unique(name));
        account.domain = account.normalizedName.replace(' ', '-') + ".example";
        account.owner = owner == null ? null : Rep.findById(owner.id);
        account.industry = "Software";
        account.persist();
        return account;
    }

    @Transactional
    public void share(Account account, Team team) {
        Account managed = Account.findById(account.id);
        managed.sharedWith.add(Team.findById(team.id));
    }

    @Transactional
    public Contact contact(Account account, String first, EmailConsent consent) {
        Contact contact = new Contact();
        contact.account = Account.findById(account.id);
        contact.firstName = first;
        contact.lastName = "Example";
        contact.email = unique(first.toLowerCase()) + "@" + contact.account.domain;
        contact.setConsent(consent, Instant.now());
        contact.persist();
        return contact;
    }

    @Transactional
    public Deal deal(Account account, String name, DealStage stage, Rep owner) {
        Deal deal = new Deal();
        deal.account = Account.findById(account.id);
        deal.name = name;
        deal.amount = new BigDecimal("12000.00");
        deal.owner = owner == null ? null : Rep.findById(owner.id);
        stages.change(deal, stage, deal.owner, StageChangeSource.API, Instant.now());
        return deal;
    }
}
