package io.closeloop.guardrails.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholders, links, lexicons and personal contact data. */
class TextFindersTest {

    static List<String> texts(List<Lexicon.Hit> hits) {
        return hits.stream().map(Lexicon.Hit::text).toList();
    }

    @Test
    void findsPlaceholdersInEveryTemplateSyntax() {
        assertThat(texts(PlaceholderFinder.find("Hi {{first_name}}, {company} [First Name] <COMPANY NAME> %DATE% INSERT DATE, TBD, XXX")))
                .containsExactly("{{first_name}}", "{company}", "[First Name]", "<COMPANY NAME>", "%DATE%", "INSERT DATE", "TBD", "XXX");
    }

    @Test
    void markdownLinksAndOrdinaryBracketsAreNotPlaceholders() {
        assertThat(PlaceholderFinder.find("See [pricing](https://closeloop.io/pricing) (as discussed) [sic] and {} ok")).isEmpty();
    }

    @Test
    void linksAreReducedToTheirDomain() {
        assertThat(LinkFinder.find("Go to https://www.Closeloop.io/demo or www.evil.example/x, not mailto:a@b.example."))
                .extracting(LinkFinder.Link::domain).containsExactly("closeloop.io", "evil.example");
    }

    @Test
    void bareDomainsAreLinksButDottedNamesAndEmailAddressesAreNot() {
        assertThat(LinkFinder.find("See evil.example/offer, closeloop.io. Node.js and v2.5 work; mail ops@acme.example."))
                .extracting(LinkFinder.Link::domain).containsExactly("evil.example", "closeloop.io");
    }

    @Test
    void maskedLexiconSeesThroughDisguisesButNotIntoOtherWords() {
        Lexicon toxic = Lexicon.load("toxic", true);
        assertThat(texts(toxic.find("bullsh*t, f*ck, cr@p, m0ron, sh!t"))).containsExactly("bullsh*t", "f*ck", "cr@p", "m0ron", "sh!t");
        assertThat(toxic.find("Amsterdam, scrap, crapes, class, assessment, Dickens")).isEmpty();
    }

    @Test
    void lexiconMatchesWholeWordsWithWildcardsAndFlexibleSpacing() {
        Lexicon lexicon = Lexicon.of(List.of("scam*", "risk free"));
        assertThat(texts(lexicon.find("Scammers! A risk-free, RISK  FREE offer; no riskfree scamp."))).containsExactly(
                "Scammers", "risk-free", "RISK  FREE", "scamp");
        assertThat(lexicon.find("Ascam is not a word here")).isEmpty();
    }

    @Test
    void shippedLexiconsLoad() {
        assertThat(Lexicon.load("toxic").find("you idiot")).hasSize(1);
        assertThat(Lexicon.load("guarantee").find("a risk-free trial")).hasSize(1);
        assertThat(Lexicon.load("negative").find("their tool is clunky")).hasSize(1);
    }

    @Test
    void findsEmailsAndPhoneNumbersButNotDatesOrPrices() {
        assertThat(ContactDataFinder.emails("Write to Dana.X@Acme.example or mailto:ops@acme.example."))
                .containsExactly("dana.x@acme.example", "ops@acme.example");
        assertThat(ContactDataFinder.phones("Call +1 (415) 555-0100 or 030 1234567; invoice 12, 2026-06-15."))
                .containsExactly("14155550100", "0301234567");
    }
}
