package io.closeloop.crm.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.RepRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo book is deterministic, of the promised size and shape, and internally consistent. */
class DemoBookGeneratorTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Instant HORIZON = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final DemoBook BOOK = DemoBookGenerator.generate(42, DAY);

    @Test
    void sameSeedAndDayGiveEqualBooks() {
        DemoBook again = DemoBookGenerator.generate(42, DAY);
        assertEquals(BOOK, again);
        assertEquals(BOOK.hashCode(), again.hashCode());
    }

    @Test
    void anotherSeedGivesADifferentBook() {
        DemoBook other = DemoBookGenerator.generate(43, DAY);
        assertNotEquals(BOOK.accounts(), other.accounts());
        assertNotEquals(BOOK.contacts(), other.contacts());
        assertNotEquals(BOOK.deals(), other.deals());
        Set<String> domains = BOOK.accounts().stream().map(DemoAccount::domain).collect(Collectors.toSet());
        long shared = other.accounts().stream().filter(a -> domains.contains(a.domain())).count();
        assertTrue(shared < 150, "two seeds share " + shared + " of 300 account domains");
    }

    @Test
    void countsAreWithinTheStatedRanges() {
        assertAll(
                () -> assertEquals(3, BOOK.teams().size()),
                () -> assertEquals(12, count(BOOK.users(), u -> u.role() == RepRole.REP)),
                () -> assertEquals(3, count(BOOK.users(), u -> u.role() == RepRole.MANAGER)),
                () -> assertEquals(1, count(BOOK.users(), u -> u.role() == RepRole.ADMIN)),
                () -> assertEquals(300, BOOK.accounts().size()),
                () -> assertInRange("contacts", BOOK.contacts().size(), 1100, 1300),
                () -> assertInRange("deals", BOOK.deals().size(), 850, 1000),
                () -> assertEquals(20, BOOK.products().size()),
                () -> assertEquals(4, BOOK.products().stream().map(DemoProduct::family).distinct().count()),
                () -> assertInRange("tasks", BOOK.tasks().size(), 60, 250),
                () -> assertInRange("shared accounts", count(BOOK.accounts(), a -> !a.sharedWithTeams().isEmpty()), 3, 30));
    }

    @Test
    void everyRepHasTheirTeamsManagerAndDiscountAuthority() {
        for (DemoUser user : BOOK.users()) {
            switch (user.role()) {
                case REP -> {
                    DemoUser manager = DemoUsers.named(user.manager());
                    assertEquals(RepRole.MANAGER, manager.role(), user.username());
                    assertEquals(user.team(), manager.team(), user.username());
                    assertInRange("authority of " + user.username(), user.discountAuthorityPct().intValue(), 10, 15);
                }
                case MANAGER -> {
                    assertNull(user.manager());
                    assertEquals(0, new BigDecimal("25").compareTo(user.discountAuthorityPct()));
                }
                case ADMIN -> assertNull(user.team());
            }
        }
        for (String team : BOOK.teams()) {
            assertEquals(4, DemoUsers.repsOf(team).size(), team);
        }
        assertEquals(BOOK.users().size(), BOOK.users().stream().map(DemoUser::username).distinct().count());
    }

    @Test
    void accountsHaveUniqueDomainsAndNamesAndAreOwnedByReps() {
        assertEquals(300, BOOK.accounts().stream().map(DemoAccount::domain).distinct().count());
        assertEquals(300, BOOK.accounts().stream().map(a -> Normalize.companyName(a.name())).distinct().count());
        for (DemoAccount account : BOOK.accounts()) {
            assertEquals(account.domain(), Normalize.domain(account.domain()), "domain in normal form");
            assertEquals(RepRole.REP, DemoUsers.named(account.owner()).role());
            assertTrue(account.annualRevenue().signum() > 0);
            assertFalse(account.sharedWithTeams().contains(DemoUsers.named(account.owner()).team()),
                    "an account is shared with another team than its owner's");
            assertTrue(account.createdAt().isBefore(HORIZON.minusSeconds(86_400L * DemoBookGenerator.HISTORY_DAYS)));
        }
        assertEquals(Set.of(AccountTier.values()), BOOK.accounts().stream().map(DemoAccount::tier).collect(Collectors.toSet()));
        assertTrue(BOOK.accounts().stream().map(DemoAccount::industry).distinct().count() >= 8);
    }

    @Test
    void everyDealIsOwnedByTheAccountOwnerOrATeammate() {
        Map<String, DemoAccount> accounts = byId(BOOK.accounts(), DemoAccount::externalId);
        for (DemoDeal deal : BOOK.deals()) {
            DemoUser accountOwner = DemoUsers.named(accounts.get(deal.accountId()).owner());
            DemoUser dealOwner = DemoUsers.named(deal.owner());
            assertEquals(RepRole.REP, dealOwner.role());
            assertEquals(accountOwner.team(), dealOwner.team(), deal.externalId());
            assertEquals(accountOwner.team().equals(DemoUsers.EMEA) ? "EUR" : "USD", deal.currency(), deal.externalId());
            assertTrue(deal.amount().signum() > 0);
        }
        long byTeammates = count(BOOK.deals(), d -> !d.owner().equals(accounts.get(d.accountId()).owner()));
        assertInRange("deals owned by a teammate", byTeammates, 30, 250);
    }

    @Test
    void everyHistoryStartsAtProspectingMovesForwardInTimeAndClosedDealsEndClosed() {
        Instant oldest = HORIZON.minusSeconds(86_400L * (DemoBookGenerator.HISTORY_DAYS + 1));
        for (DemoDeal deal : BOOK.deals()) {
            List<DemoStageChange> history = deal.history();
            DemoStageChange first = history.get(0);
            assertNull(first.from(), deal.externalId());
            assertEquals(DealStage.PROSPECTING, first.to(), deal.externalId());
            assertTrue(first.at().isAfter(oldest), deal.externalId());
            for (int i = 1; i < history.size(); i++) {
                DemoStageChange previous = history.get(i - 1);
                DemoStageChange change = history.get(i);
                assertEquals(previous.to(), change.from(), deal.externalId());
                assertTrue(change.to().order() > previous.to().order(), deal.externalId() + " moves forward");
                assertFalse(previous.to().isClosed(), deal.externalId() + " changes nothing after closing");
                assertTrue(change.at().isAfter(previous.at()), deal.externalId() + " in time order");
            }
            DemoStageChange last = history.get(history.size() - 1);
            assertTrue(last.at().isBefore(HORIZON), deal.externalId() + " has nothing in the future");
            if (deal.stage().isClosed()) {
                assertEquals(LocalDate.ofInstant(last.at(), ZoneOffset.UTC), deal.closeDate(), deal.externalId());
            } else {
                assertTrue(deal.closeDate().isAfter(DAY.minusDays(1)), deal.externalId() + " is expected to close");
            }
            if (deal.stage() == DealStage.CLOSED_WON) {
                assertEquals(DealStage.NEGOTIATION, last.from(), deal.externalId() + " won after negotiating");
            }
        }
        long open = count(BOOK.deals(), d -> !d.stage().isClosed());
        assertInRange("open deals", open, 60, 300);
        for (DealStage stage : DealStage.values()) {
            assertTrue(BOOK.deals().stream().anyMatch(d -> d.stage() == stage), "some deal is at " + stage);
        }
    }

    @Test
    void winRateIsBetween25And35PercentForEverySeedTried() {
        for (long seed : new long[] { 1, 7, 42, 99, 2026, 31337 }) {
            DemoBook book = seed == 42 ? BOOK : DemoBookGenerator.generate(seed, DAY);
            long won = count(book.deals(), d -> d.stage() == DealStage.CLOSED_WON);
            long lost = count(book.deals(), d -> d.stage() == DealStage.CLOSED_LOST);
            double rate = won / (double) (won + lost);
            assertTrue(rate >= 0.25 && rate <= 0.35, "seed " + seed + ": win rate " + rate);
        }
    }

    @Test
    void contactEmailsAreUniqueAndOnTheAccountDomain() {
        Map<String, DemoAccount> accounts = byId(BOOK.accounts(), DemoAccount::externalId);
        Set<String> emails = new HashSet<>();
        for (DemoContact contact : BOOK.contacts()) {
            String email = Normalize.email(contact.email());
            assertNotNull(email, contact.email());
            assertTrue(emails.add(email), "duplicate " + email);
            assertEquals(accounts.get(contact.accountId()).domain(), Normalize.emailDomain(email));
            assertTrue(contact.phone().matches("\\+\\d[\\d ]+"), contact.phone());
            assertFalse(contact.firstName().isBlank() || contact.lastName().isBlank() || contact.title().isBlank());
        }
        assertEquals(300, BOOK.contacts().stream().map(DemoContact::accountId).distinct().count(), "every account has contacts");
    }

    @Test
    void consentTimesAreSetExactlyForGrantedAndWithdrawn() {
        for (DemoContact contact : BOOK.contacts()) {
            if (contact.consent() == EmailConsent.UNKNOWN) {
                assertNull(contact.consentAt(), contact.externalId());
            } else {
                assertNotNull(contact.consentAt(), contact.externalId());
                assertFalse(contact.consentAt().isBefore(contact.createdAt()), contact.externalId());
                assertTrue(contact.consentAt().isBefore(HORIZON), contact.externalId());
            }
        }
        int total = BOOK.contacts().size();
        assertInRange("withdrawn %", 100 * count(BOOK.contacts(), c -> c.consent() == EmailConsent.WITHDRAWN) / total, 3, 8);
        assertInRange("unknown %", 100 * count(BOOK.contacts(), c -> c.consent() == EmailConsent.UNKNOWN) / total, 8, 25);
        assertInRange("granted %", 100 * count(BOOK.contacts(), c -> c.consent() == EmailConsent.GRANTED) / total, 70, 88);
    }

    @Test
    void priceBookHasUsdAndEurWithDiscountCaps() {
        for (DemoProduct product : BOOK.products()) {
            DemoProduct.Price usd = product.price("USD");
            DemoProduct.Price eur = product.price("EUR");
            assertEquals(2, product.prices().size(), product.sku());
            assertTrue(usd.listPrice().signum() > 0 && eur.listPrice().compareTo(usd.listPrice()) < 0, product.sku());
            assertInRange(product.sku() + " max discount", usd.maxDiscountPct().intValue(), 5, 30);
        }
        assertEquals(20, BOOK.products().stream().map(DemoProduct::sku).distinct().count());
    }

    @Test
    void tasksAreOpenNextStepsOfTheDealOwnerAboutAContactOfTheAccount() {
        Map<String, DemoDeal> deals = byId(BOOK.deals(), DemoDeal::externalId);
        Map<String, DemoContact> contacts = byId(BOOK.contacts(), DemoContact::externalId);
        Map<String, DemoAccount> accounts = byId(BOOK.accounts(), DemoAccount::externalId);
        for (DemoTask task : BOOK.tasks()) {
            assertEquals(task.accountId(), contacts.get(task.contactId()).accountId());
            if (task.dealId() != null) {
                DemoDeal deal = deals.get(task.dealId());
                assertFalse(deal.stage().isClosed(), "no next step for closed " + task.dealId());
                assertEquals(deal.owner(), task.owner());
            } else {
                assertEquals(accounts.get(task.accountId()).owner(), task.owner());
            }
            assertTrue(task.createdAt().isBefore(HORIZON));
            assertTrue(!task.dueDate().isBefore(DAY.minusDays(7)) && !task.dueDate().isAfter(DAY.plusDays(40)));
        }
        assertTrue(BOOK.tasks().stream().anyMatch(t -> t.dueDate().isBefore(DAY)), "some tasks are overdue");
    }

    @Test
    void theBookIsImmutable() {
        List<DemoDeal> deals = BOOK.deals();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> deals.remove(0));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> deals.get(0).history().clear());
    }

    static <T> long count(List<T> items, java.util.function.Predicate<T> test) {
        return items.stream().filter(test).count();
    }

    static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    static void assertInRange(String what, long value, long min, long max) {
        assertTrue(value >= min && value <= max, what + " = " + value + ", expected " + min + ".." + max);
    }
}
