package io.closeloop.crm.demo;

import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.DealStage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes a realistic book of business from a seed, without touching a database: the same seed and
 * day give an equal {@link DemoBook}. About 300 accounts in the US, UK, Germany and France owned by
 * the {@link DemoUsers} reps, about four contacts and three deals each over the last 18 months, the
 * {@link DemoCatalog} and open tasks.
 *
 * <p>Whether a closed deal was won is drawn from a hidden logistic model over features a scorer
 * can see (tier, industry, deal size for the tier, new business or expansion, owner) plus noise;
 * the pipeline then moves won deals faster and lets promising lost deals get further
 * ({@link DemoPipeline}). About 30 % of closed deals are won.
 */
public final class DemoBookGenerator {

    public static final int ACCOUNTS = 300;
    /** Deals are created within this many days (18 months) before the book's day. */
    public static final int HISTORY_DAYS = 548;

    private static final AccountTier[] TIERS = AccountTier.values();
    private static final double[] TIER_WEIGHTS = { 6, 22, 40, 32 };
    private static final String[] COUNTRIES = { DemoNames.US, DemoNames.GB, DemoNames.DE, DemoNames.FR };
    private static final double[] COUNTRY_WEIGHTS = { 70, 10, 12, 8 };
    /** Mostly granted, some never asked, about 5 % withdrawn. */
    private static final EmailConsent[] CONSENTS = { EmailConsent.GRANTED, EmailConsent.UNKNOWN, EmailConsent.WITHDRAWN };
    private static final double[] CONSENT_WEIGHTS = { 80, 15, 5 };
    /** Smallest and largest number per account, by tier (STRATEGIC, ENTERPRISE, MID_MARKET, SMB). */
    private static final int[][] CONTACTS_PER_ACCOUNT = { { 6, 10 }, { 4, 7 }, { 3, 5 }, { 2, 3 } };
    private static final int[][] DEALS_PER_ACCOUNT = { { 5, 8 }, { 3, 5 }, { 2, 4 }, { 1, 3 } };
    private static final BigDecimal EUR_PER_USD = new BigDecimal("0.92");
    /** How much easier (log-odds) a deal is to win in an industry. */
    private static final Map<String, Double> INDUSTRY_EFFECT = Map.of("Software", 0.5, "Financial Services", -0.3,
            "Healthcare", -0.4, "Manufacturing", 0.0, "Retail", 0.2, "Logistics", 0.3, "Telecommunications", -0.2,
            "Energy", -0.5, "Education", 0.25, "Media", 0.1);

    private final long seed;
    private final LocalDate asOf;
    private final Instant horizon;
    private final Map<String, Double> repSkill = new HashMap<>();

    private DemoBookGenerator(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
        this.horizon = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        Dice dice = new Dice(seed, "skill");
        for (DemoUser user : DemoUsers.ALL) {
            repSkill.put(user.username(), dice.gaussian(0, 0.3));
        }
    }

    /** The book for a seed as it stands at the start of {@code asOf} (UTC). */
    public static DemoBook generate(long seed, LocalDate asOf) {
        return new DemoBookGenerator(seed, asOf).book();
    }

    private DemoBook book() {
        List<DemoAccount> accounts = accounts();
        List<DemoContact> contacts = contacts(accounts);
        List<DemoDeal> deals = deals(accounts);
        List<DemoTask> tasks = tasks(accounts, contacts, deals);
        return new DemoBook(seed, asOf, DemoUsers.TEAMS, DemoUsers.ALL, DemoCatalog.PRODUCTS, accounts, contacts,
                deals, tasks);
    }

    // ---------------------------------------------------------------------------------- accounts

    private List<DemoAccount> accounts() {
        Dice dice = new Dice(seed, "accounts");
        Set<String> names = new HashSet<>(); // unique across countries too: import matches on the normalised name
        List<DemoAccount> accounts = new ArrayList<>();
        while (accounts.size() < ACCOUNTS) {
            String country = COUNTRIES[dice.weighted(COUNTRY_WEIGHTS)];
            String industry = dice.pick(DemoNames.INDUSTRIES);
            String stem = dice.pick(DemoNames.COMPANY_STEMS);
            String noun = dice.pick(DemoNames.INDUSTRY_NOUNS.get(industry));
            String domain = (stem + noun).toLowerCase(Locale.ROOT) + DemoNames.TLD.get(country);
            if (!names.add(stem + " " + noun)) {
                continue;
            }
            AccountTier tier = TIERS[dice.weighted(TIER_WEIGHTS)];
            String team = teamFor(country, tier);
            String owner = dice.pick(DemoUsers.repsOf(team)).username();
            List<String> shared = new ArrayList<>();
            if (team.equals(DemoUsers.ENTERPRISE) && tier == AccountTier.STRATEGIC && dice.chance(0.5)) {
                shared.add(DemoUsers.EMEA);
            } else if (team.equals(DemoUsers.EMEA) && tier.ordinal() <= AccountTier.ENTERPRISE.ordinal() && dice.chance(0.25)) {
                shared.add(DemoUsers.ENTERPRISE);
            }
            Instant created = horizon.minus(Duration.ofSeconds(
                    (long) dice.uniform((HISTORY_DAYS + 30) * 86_400.0, 4 * 365 * 86_400.0)));
            accounts.add(new DemoAccount(String.format("demo-account-%04d", accounts.size() + 1),
                    stem + " " + noun + " " + dice.pick(DemoNames.LEGAL_SUFFIXES.get(country)), domain, country,
                    industry, tier, revenue(dice, tier), owner, shared, created));
        }
        return accounts;
    }

    private static String teamFor(String country, AccountTier tier) {
        if (!country.equals(DemoNames.US)) {
            return DemoUsers.EMEA;
        }
        return tier == AccountTier.STRATEGIC || tier == AccountTier.ENTERPRISE ? DemoUsers.ENTERPRISE : DemoUsers.COMMERCIAL;
    }

    private static BigDecimal revenue(Dice dice, AccountTier tier) {
        double value = switch (tier) {
            case STRATEGIC -> dice.logUniform(10e9, 150e9);
            case ENTERPRISE -> dice.logUniform(1e9, 10e9);
            case MID_MARKET -> dice.logUniform(50e6, 1e9);
            case SMB -> dice.logUniform(2e6, 50e6);
        };
        return new BigDecimal(value, new MathContext(3)).setScale(2, RoundingMode.UNNECESSARY);
    }

    // ---------------------------------------------------------------------------------- contacts

    private List<DemoContact> contacts(List<DemoAccount> accounts) {
        Dice dice = new Dice(seed, "contacts");
        List<DemoContact> contacts = new ArrayList<>();
        for (DemoAccount account : accounts) {
            int count = countFor(dice, account.tier(), CONTACTS_PER_ACCOUNT);
            Set<String> locals = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String first = dice.pick(DemoNames.FIRST_NAMES.get(account.country()));
                String last = dice.pick(DemoNames.LAST_NAMES.get(account.country()));
                String local = emailLocalPart(first, last, locals);
                Instant created = between(dice, account.createdAt(), account.createdAt().plus(Duration.ofDays(400)));
                EmailConsent consent = CONSENTS[dice.weighted(CONSENT_WEIGHTS)];
                Instant consentAt = switch (consent) {
                    case GRANTED -> between(dice, created, min(created.plus(Duration.ofDays(30)), horizon));
                    case WITHDRAWN -> between(dice, created, horizon);
                    case UNKNOWN -> null;
                };
                contacts.add(new DemoContact(String.format("demo-contact-%05d", contacts.size() + 1), account.externalId(),
                        first, last, local + "@" + account.domain(), DemoNames.phone(account.country(), dice),
                        dice.pick(i == 0 ? DemoNames.SENIOR_TITLES : DemoNames.TITLES), consent, consentAt, created));
            }
        }
        return contacts;
    }

    /** first.last, then flast, then first.last2, ... in plain ASCII, unique within the account. */
    private static String emailLocalPart(String first, String last, Set<String> taken) {
        String f = ascii(first);
        String l = ascii(last);
        String local = f + "." + l;
        if (!taken.add(local)) {
            local = f.charAt(0) + l;
            for (int n = 2; !taken.add(local); n++) {
                local = f + "." + l + n;
            }
        }
        return local;
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace("ß", "ss")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    // ------------------------------------------------------------------------------------- deals

    private List<DemoDeal> deals(List<DemoAccount> accounts) {
        Dice dice = new Dice(seed, "deals");
        List<DemoDeal> deals = new ArrayList<>();
        for (DemoAccount account : accounts) {
            int count = countFor(dice, account.tier(), DEALS_PER_ACCOUNT);
            List<Instant> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // more deals lately than 18 months ago: the business grows
                LocalDate day = asOf.minusDays(3 + Math.round((HISTORY_DAYS - 3) * Math.pow(dice.uniform(0, 1), 1.25)));
                starts.add(DemoPipeline.afterBusinessDays(dice, day.atStartOfDay(ZoneOffset.UTC).toInstant(), 0));
            }
            starts.sort(null);
            Instant firstWin = null;
            for (Instant start : starts) {
                boolean expansion = firstWin != null && firstWin.isBefore(start);
                DemoDeal deal = deal(dice, account, start, expansion, deals.size() + 1);
                deals.add(deal);
                if (deal.stage() == DealStage.CLOSED_WON && firstWin == null) {
                    firstWin = deal.history().get(deal.history().size() - 1).at();
                }
            }
        }
        return deals;
    }

    private DemoDeal deal(Dice dice, DemoAccount account, Instant created, boolean expansion, int number) {
        DemoUser owner = ownerFor(dice, account);
        String currency = DemoUsers.named(account.owner()).team().equals(DemoUsers.EMEA) ? "EUR" : "USD";
        DemoProduct main = DemoCatalog.bySku(mainSku(dice, account.tier()));
        int seats = (int) Math.round(seatRange(dice, account.tier()) * (expansion ? 0.3 : 1.0));
        BigDecimal list = main.price(currency).listPrice().multiply(BigDecimal.valueOf(seats));
        BigDecimal maxDiscount = main.price(currency).maxDiscountPct();
        for (int addOns = dice.between(0, 3); addOns > 0; addOns--) {
            DemoProduct addOn = dice.pick(DemoCatalog.PRODUCTS);
            if (DemoCatalog.SEAT_PRODUCTS.contains(addOn.sku())) {
                continue;
            }
            int quantity = addOn.description().contains("per seat") ? seats : 1;
            list = list.add(addOn.price(currency).listPrice().multiply(BigDecimal.valueOf(quantity)));
            maxDiscount = maxDiscount.min(addOn.price(currency).maxDiscountPct());
        }
        double discount = dice.uniform(0, maxDiscount.min(owner.discountAuthorityPct()).doubleValue());
        BigDecimal amount = list.multiply(BigDecimal.valueOf(1 - discount / 100)).setScale(0, RoundingMode.HALF_UP).setScale(2);

        double promise = promise(dice, account, amount, currency, expansion, owner);
        boolean won = dice.chance(1 / (1 + Math.exp(-promise)));
        DemoPipeline.Run run = DemoPipeline.simulate(dice, created, horizon, account.tier(), won, promise);
        String name = shortName(account) + " – " + main.name() + (expansion ? " expansion" : "") + " (" + seats + " seats)";
        return new DemoDeal(String.format("demo-deal-%05d", number), account.externalId(), name, owner.username(),
                amount, currency, run.closeDate(), run.history());
    }

    /** The account owner, or now and then a teammate of theirs. */
    private static DemoUser ownerFor(Dice dice, DemoAccount account) {
        DemoUser accountOwner = DemoUsers.named(account.owner());
        if (dice.chance(0.85)) {
            return accountOwner;
        }
        return dice.pick(DemoUsers.repsOf(accountOwner.team()));
    }

    private static String mainSku(Dice dice, AccountTier tier) {
        double[] weights = switch (tier) {
            case SMB -> new double[] { 70, 30, 0 };
            case MID_MARKET -> new double[] { 25, 60, 15 };
            case ENTERPRISE -> new double[] { 0, 50, 50 };
            case STRATEGIC -> new double[] { 0, 15, 85 };
        };
        return DemoCatalog.SEAT_PRODUCTS.get(dice.weighted(weights));
    }

    private static double seatRange(Dice dice, AccountTier tier) {
        return switch (tier) {
            case SMB -> dice.logUniform(10, 60);
            case MID_MARKET -> dice.logUniform(40, 300);
            case ENTERPRISE -> dice.logUniform(200, 1500);
            case STRATEGIC -> dice.logUniform(1000, 6000);
        };
    }

    /**
     * The hidden log-odds of winning: what a scorer can learn (tier, industry, size for the tier,
     * expansion, owner) plus noise it cannot. Calibrated to about 30 % won.
     */
    private double promise(Dice dice, DemoAccount account, BigDecimal amount, String currency, boolean expansion,
            DemoUser owner) {
        double usd = currency.equals("EUR") ? amount.doubleValue() / EUR_PER_USD.doubleValue() : amount.doubleValue();
        double typical = switch (account.tier()) {
            case SMB -> 25_000;
            case MID_MARKET -> 150_000;
            case ENTERPRISE -> 1_000_000;
            case STRATEGIC -> 5_000_000;
        };
        double tierEffect = switch (account.tier()) {
            case SMB -> 0.35;
            case MID_MARKET -> 0.1;
            case ENTERPRISE -> -0.15;
            case STRATEGIC -> -0.35;
        };
        return -1.25 + tierEffect + INDUSTRY_EFFECT.get(account.industry()) - 0.45 * Math.log(usd / typical)
                + (expansion ? 0.6 : 0) + repSkill.get(owner.username()) + dice.gaussian(0, 0.8);
    }

    private static String shortName(DemoAccount account) {
        return account.name().substring(0, account.name().indexOf(' ', account.name().indexOf(' ') + 1));
    }

    // ------------------------------------------------------------------------------------- tasks

    private List<DemoTask> tasks(List<DemoAccount> accounts, List<DemoContact> contacts, List<DemoDeal> deals) {
        Dice dice = new Dice(seed, "tasks");
        Map<String, List<DemoContact>> contactsByAccount = new LinkedHashMap<>();
        contacts.forEach(c -> contactsByAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c));
        Map<String, DemoAccount> accountsById = new HashMap<>();
        accounts.forEach(a -> accountsById.put(a.externalId(), a));
        List<DemoTask> tasks = new ArrayList<>();
        Set<String> accountsWithWins = new HashSet<>();
        for (DemoDeal deal : deals) {
            if (deal.stage() == DealStage.CLOSED_WON) {
                accountsWithWins.add(deal.accountId());
            }
            if (deal.stage().isClosed() || !dice.chance(0.7)) {
                continue;
            }
            DemoContact contact = dice.pick(contactsByAccount.get(deal.accountId()));
            Instant lastChange = deal.history().get(deal.history().size() - 1).at();
            tasks.add(new DemoTask(deal.accountId(), deal.externalId(), contact.externalId(), deal.owner(),
                    nextStep(deal.stage(), contact), "Next step for " + deal.name(),
                    asOf.plusDays(dice.between(-7, 21)), between(dice, lastChange, horizon)));
        }
        for (DemoAccount account : accounts) {
            if (accountsWithWins.contains(account.externalId()) && dice.chance(0.25)) {
                DemoContact contact = contactsByAccount.get(account.externalId()).get(0);
                tasks.add(new DemoTask(account.externalId(), null, contact.externalId(), account.owner(),
                        "Quarterly business review with " + contact.firstName() + " " + contact.lastName(),
                        "Usage, open support cases and expansion ideas", asOf.plusDays(dice.between(3, 40)),
                        between(dice, horizon.minus(Duration.ofDays(14)), horizon)));
            }
        }
        return tasks;
    }

    private static String nextStep(DealStage stage, DemoContact contact) {
        String who = contact.firstName() + " " + contact.lastName();
        return switch (stage) {
            case PROSPECTING -> "Book a discovery call with " + who;
            case QUALIFICATION -> "Confirm budget and timeline with " + who;
            case NEEDS_ANALYSIS -> "Send the requirements summary to " + who;
            case PROPOSAL -> "Follow up on the proposal with " + who;
            case NEGOTIATION -> "Get the contract redlines back from " + who;
            default -> throw new IllegalStateException("no next step for a closed deal");
        };
    }

    // ------------------------------------------------------------------------------------- times

    private static int countFor(Dice dice, AccountTier tier, int[][] rangeByTier) {
        int[] range = rangeByTier[tier.ordinal()];
        return dice.between(range[0], range[1]);
    }

    private static Instant between(Dice dice, Instant from, Instant to) {
        long seconds = Math.max(0, Duration.between(from, to).getSeconds() - 1);
        return from.plusSeconds((long) (dice.uniform(0, 1) * seconds));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
