package io.closeloop.guardrails.check;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.match.Normalize;
import io.closeloop.guardrails.config.GuardrailConfig;
import io.closeloop.guardrails.extract.ContactDataFinder;
import io.closeloop.guardrails.extract.DateExtractor;
import io.closeloop.guardrails.extract.Lexicon;
import io.closeloop.guardrails.extract.LinkFinder;
import io.closeloop.guardrails.extract.MoneyExtractor;
import io.closeloop.guardrails.extract.PercentExtractor;
import io.closeloop.guardrails.extract.PlaceholderFinder;
import io.closeloop.guardrails.extract.ProductMatcher;
import io.closeloop.guardrails.extract.Sentences;
import io.closeloop.guardrails.review.DateCommitment;
import io.closeloop.guardrails.review.DiscountClaim;
import io.closeloop.guardrails.review.DraftFact;
import io.closeloop.guardrails.review.FieldChangeFact;
import io.closeloop.guardrails.review.FigureClaim;
import io.closeloop.guardrails.review.LinkClaim;
import io.closeloop.guardrails.review.PersonalDataMention;
import io.closeloop.guardrails.review.PhraseFact;
import io.closeloop.guardrails.review.PriceBookFact;
import io.closeloop.guardrails.review.PriceClaim;
import io.closeloop.guardrails.review.ProductMention;
import io.closeloop.guardrails.review.RecipientFact;
import io.closeloop.guardrails.review.ReviewFacts;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an output and its context into the facts the rules reason over: claims found in the
 * subject and body by the extractors, recipients and personal data resolved against the CRM,
 * and proposed changes with their stage step and relative change.
 */
@ApplicationScoped
public class FactExtractor {

    private final GuardrailConfig config;
    private final Lexicon toxic = Lexicon.load("toxic", true);
    private final Lexicon guarantees = Lexicon.load("guarantee");
    private final Lexicon negative = Lexicon.load("negative");
    private final Lexicon competitors;

    public FactExtractor(GuardrailConfig config) {
        this.config = config;
        this.competitors = Lexicon.of(config.competitors());
    }

    @WithSpan("closeloop.guardrails.extract")
    public ReviewFacts extract(DraftInput draft, ReviewContext context) {
        String text = (draft.subject() == null ? "" : draft.subject() + "\n") + (draft.body() == null ? "" : draft.body());
        List<Sentences.Sentence> sentences = Sentences.of(text);

        List<ProductMatcher.Mention> mentions = new ProductMatcher(context.catalogue(), config.brandNames(),
                config.productMatchThreshold()).find(text).stream()
                .filter(m -> competitors.find(m.text()).isEmpty())
                .toList();
        List<ProductMention> products = mentions.stream().map(m -> new ProductMention(m.text(), m.product(), m.similarity())).toList();

        List<PercentExtractor.Percent> percents = PercentExtractor.find(text);
        List<DiscountClaim> discounts = new ArrayList<>();
        Set<Integer> discountSentences = new HashSet<>();
        for (PercentExtractor.Percent p : percents) {
            if (p.discount()) {
                Sentences.Sentence s = Sentences.at(sentences, p.start());
                discountSentences.add(s.start());
                discounts.add(new DiscountClaim(p.value(), productNear(s, p.start(), mentions), p.additional(), p.text()));
            }
        }
        List<MoneyExtractor.Money> money = MoneyExtractor.find(text);
        List<PriceClaim> prices = new ArrayList<>();
        for (MoneyExtractor.Money m : money) {
            Sentences.Sentence s = Sentences.at(sentences, m.start());
            prices.add(new PriceClaim(m.amount(), m.currency(), productNear(s, m.start(), mentions), discountSentences.contains(s.start()), m.text()));
        }

        List<DateCommitment> commitments = DateExtractor.find(text, context.policy().today()).stream()
                .filter(DateExtractor.DateMention::commitment)
                .map(d -> new DateCommitment(d.date(), d.text())).toList();
        List<LinkClaim> links = LinkFinder.find(text).stream().map(l -> new LinkClaim(l.url(), l.domain())).toList();

        List<PhraseFact> phrases = new ArrayList<>();
        toxic.find(text).forEach(h -> phrases.add(new PhraseFact("TOXIC", h.text(), Sentences.at(sentences, h.start()).text(), null)));
        guarantees.find(text).forEach(h -> phrases.add(new PhraseFact("GUARANTEE", h.text(), Sentences.at(sentences, h.start()).text(), null)));
        PlaceholderFinder.find(text).forEach(h -> phrases.add(new PhraseFact("PLACEHOLDER", h.text(), Sentences.at(sentences, h.start()).text(), null)));
        for (Sentences.Sentence s : sentences) {
            List<Lexicon.Hit> named = competitors.find(s.text());
            List<Lexicon.Hit> bad = negative.find(s.text());
            if (!named.isEmpty() && !bad.isEmpty()) {
                phrases.add(new PhraseFact("DISPARAGING", bad.get(0).text(), s.text(), named.get(0).text()));
            }
        }

        List<PersonalDataMention> personal = new ArrayList<>();
        for (String email : ContactDataFinder.emails(text)) {
            ContactRef c = context.contactsByEmail().get(email);
            if (c != null && c.accountId() != null) {
                personal.add(new PersonalDataMention("e-mail address", email, c.accountId()));
            }
        }
        for (String phone : ContactDataFinder.phones(text)) {
            ContactRef c = context.contactsByPhone().get(phone);
            if (c != null && c.accountId() != null) {
                personal.add(new PersonalDataMention("phone number", phone, c.accountId()));
            }
        }

        boolean grounded = !draft.groundingSources().isEmpty();
        List<FigureClaim> figures = grounded ? figures(money, percents, draft.groundingSources(), context.priceBook()) : List.of();

        return new ReviewFacts(new DraftFact(draft.channel(), draft.subject(), draft.body(), grounded), context.rep(),
                context.account(), context.policy(), recipients(draft, context), discounts, prices, products,
                context.priceBook(), commitments, links, phrases, personal, figures, changes(draft.changes()));
    }

    /**
     * Only the recipients of an e-mail as facts, with nothing from its text: what the recipient rules
     * (GR-07 consent, GR-08 the account's contacts or domain, GR-09 at least one) judge, for an e-mail
     * checked again just before it is sent ({@link GuardrailService#checkRecipients}).
     */
    public ReviewFacts recipientsOnly(DraftInput draft, ReviewContext context) {
        return new ReviewFacts(new DraftFact(draft.channel(), null, null, false), context.rep(), context.account(), context.policy(),
                recipients(draft, context), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** The catalogue product a figure at {@code offset} refers to: the nearest one named before it in its sentence, else the first after. */
    private static String productNear(Sentences.Sentence sentence, int offset, List<ProductMatcher.Mention> mentions) {
        ProductMatcher.Mention before = null;
        ProductMatcher.Mention after = null;
        for (ProductMatcher.Mention m : mentions) {
            if (m.product() == null || !sentence.contains(m.start())) {
                continue;
            }
            if (m.end() <= offset && (before == null || m.end() > before.end())) {
                before = m;
            } else if (m.start() >= offset && after == null) {
                after = m;
            }
        }
        return before != null ? before.product() : after != null ? after.product() : null;
    }

    private static List<RecipientFact> recipients(DraftInput draft, ReviewContext context) {
        List<RecipientFact> facts = new ArrayList<>();
        String accountDomain = context.account() == null ? null : context.account().domain();
        for (String raw : draft.recipients()) {
            String email = Normalize.email(raw);
            ContactRef contact = email == null ? null : context.contactsByEmail().get(email);
            String domain = Normalize.emailDomain(email);
            boolean atAccountDomain = accountDomain != null && domain != null
                    && (domain.equals(accountDomain) || domain.endsWith("." + accountDomain));
            boolean accountContact = contact != null && context.account() != null && context.account().id().equals(contact.accountId());
            // a recipient that is no address (an erased one, "[erased]") is named as written: no contact, not at the domain
            facts.add(new RecipientFact(email == null ? raw : email, contact == null ? null : contact.id(), contact == null ? null : contact.consent(),
                    accountContact, atAccountDomain));
        }
        return facts;
    }

    /** Money and non-discount percentages, each supported when a grounding source or the price book states the same figure. */
    private static List<FigureClaim> figures(List<MoneyExtractor.Money> money, List<PercentExtractor.Percent> percents,
            List<String> sources, List<PriceBookFact> priceBook) {
        Set<BigDecimal> known = new HashSet<>();
        for (String source : sources) {
            MoneyExtractor.find(source).forEach(m -> known.add(m.amount().stripTrailingZeros()));
            PercentExtractor.find(source).forEach(p -> known.add(p.value().stripTrailingZeros()));
            numbers(source).forEach(known::add);
        }
        priceBook.forEach(e -> {
            known.add(e.listPrice().stripTrailingZeros());
            known.add(e.maxDiscountPct().stripTrailingZeros());
        });
        List<FigureClaim> figures = new ArrayList<>();
        money.forEach(m -> figures.add(new FigureClaim(m.text(), known.contains(m.amount().stripTrailingZeros()))));
        percents.stream().filter(p -> !p.discount())
                .forEach(p -> figures.add(new FigureClaim(p.text(), known.contains(p.value().stripTrailingZeros()))));
        return figures;
    }

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> numbers = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?").matcher(text);
        while (m.find()) {
            numbers.add(new BigDecimal(m.group().replace(",", "")).stripTrailingZeros());
        }
        return numbers;
    }

    private static List<FieldChangeFact> changes(List<ProposedChange> changes) {
        List<FieldChangeFact> facts = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ProposedChange c = changes.get(i);
            String entity = c.entity() == null ? "" : c.entity().toLowerCase(Locale.ROOT);
            String field = c.field() == null ? "" : c.field();
            Integer step = null;
            BigDecimal changePct = null;
            if (entity.equals("deal") && field.equals("stage")) {
                DealStage from = stage(c.oldValue(), "changes[" + i + "].oldValue");
                DealStage to = stage(c.newValue(), "changes[" + i + "].newValue");
                step = to == DealStage.CLOSED_LOST && !from.isClosed() ? 1 : to.order() - from.order();
            } else if (entity.equals("deal") && field.equals("amount")) {
                BigDecimal from = number(c.oldValue(), "changes[" + i + "].oldValue");
                BigDecimal to = number(c.newValue(), "changes[" + i + "].newValue");
                changePct = from.signum() == 0 ? (to.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100))
                        : to.subtract(from).abs().multiply(BigDecimal.valueOf(100)).divide(from, 2, RoundingMode.HALF_UP);
            }
            facts.add(new FieldChangeFact(entity, c.entityId(), field, c.oldValue(), c.newValue(), step, changePct));
        }
        return facts;
    }

    private static DealStage stage(String value, String field) {
        try {
            return DealStage.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "not a deal stage (one of PROSPECTING .. CLOSED_LOST)");
        }
    }

    private static BigDecimal number(String value, String field) {
        try {
            BigDecimal n = new BigDecimal(value == null ? "" : value.strip());
            if (n.signum() < 0) {
                throw ProblemException.invalidField(field, "must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "not a number");
        }
    }
}
