package io.closeloop.guardrails.review;

import static io.closeloop.guardrails.review.Facts.PRODUCT;
import static io.closeloop.guardrails.review.Facts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.guardrails.engine.GuardrailEngine;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per rule that it fires, and one that it does not, on facts built by hand (the
 * extractors that produce facts from text have their own tests). The rule unit is the real one,
 * compiled from DraftReview.drl.
 */
class DraftReviewRulesTest {

    static GuardrailEngine engine;

    @BeforeAll
    static void compileRules() {
        engine = new GuardrailEngine();
    }

    static Set<String> fired(Facts facts) {
        return engine.review(facts.build()).stream()
                .map(hit -> engine.catalogue().byName(hit.rule()).id())
                .collect(Collectors.toSet());
    }

    static List<RuleHit> hits(Facts facts) {
        return engine.review(facts.build());
    }

    @Test
    void aPlainEmailToAConsentingContactFiresNothing() {
        assertThat(fired(Facts.email())).isEmpty();
    }

    // GR-01
    @Test
    void discountAboveRepAuthorityNeedsApproval() {
        assertThat(fired(Facts.email().discount("15", PRODUCT))).contains("GR-01");
    }

    @Test
    void discountWithinRepAuthorityDoesNotNeedApproval() {
        assertThat(fired(Facts.email().discount("10", PRODUCT))).doesNotContain("GR-01");
    }

    // GR-21
    @Test
    void stackedDiscountsAboveRepAuthorityNeedApproval() {
        assertThat(fired(Facts.email().discount("6", null).additionalDiscount("5"))).contains("GR-21").doesNotContain("GR-01");
    }

    @Test
    void stackedDiscountsWithinRepAuthorityAreFine() {
        assertThat(fired(Facts.email().discount("5", null).additionalDiscount("5"))).doesNotContain("GR-21");
    }

    @Test
    void theSameDiscountMentionedTwiceIsNotStacked() {
        assertThat(fired(Facts.email().discount("8", null).discount("8", null))).doesNotContain("GR-21");
    }

    // GR-02
    @Test
    void discountAbovePriceBookMaximumIsBlocked() {
        assertThat(fired(Facts.email().discount("25", PRODUCT))).contains("GR-02");
    }

    @Test
    void discountAtPriceBookMaximumIsNotBlocked() {
        assertThat(fired(Facts.email().discount("20", PRODUCT))).doesNotContain("GR-02");
    }

    // GR-03
    @Test
    void discountAboveTeamCeilingWithoutProductIsBlocked() {
        assertThat(fired(Facts.email().discount("35", null))).contains("GR-03");
    }

    @Test
    void discountBelowTeamCeilingWithoutProductIsNotBlocked() {
        assertThat(fired(Facts.email().discount("25", null))).doesNotContain("GR-03", "GR-02");
    }

    // GR-04
    @Test
    void productNotInCatalogueIsBlocked() {
        assertThat(fired(Facts.email().product("Closeloop Quantum Forecaster", null))).contains("GR-04");
    }

    @Test
    void catalogueProductIsNotBlocked() {
        assertThat(fired(Facts.email().product("Closeloop Insight Pro", PRODUCT))).doesNotContain("GR-04");
    }

    // GR-05
    @Test
    void priceDifferentFromListPriceIsRepairedToListPrice() {
        List<RuleHit> hits = hits(Facts.email().price("999", "USD", PRODUCT, false));
        assertThat(hits).anySatisfy(hit -> {
            assertThat(engine.catalogue().byName(hit.rule()).id()).isEqualTo("GR-05");
            assertThat(hit.find()).isEqualTo("USD 999");
            assertThat(hit.replace()).isEqualTo("USD 1,200.00");
        });
    }

    @Test
    void listPriceWrittenDifferentlyIsNotRepaired() {
        assertThat(fired(Facts.email().price("1200", "USD", PRODUCT, false))).doesNotContain("GR-05");
    }

    @Test
    void discountedPriceIsNotRepairedToListPrice() {
        assertThat(fired(Facts.email().price("960", "USD", PRODUCT, true))).doesNotContain("GR-05");
    }

    // GR-06
    @Test
    void priceInCurrencyWithoutPriceBookEntryNeedsApproval() {
        assertThat(fired(Facts.email().price("1100", "EUR", PRODUCT, false))).contains("GR-06").doesNotContain("GR-05");
    }

    @Test
    void priceInPriceBookCurrencyDoesNotNeedApproval() {
        assertThat(fired(Facts.email().price("1200", "USD", PRODUCT, false))).doesNotContain("GR-06");
    }

    // GR-07
    @Test
    void emailToContactWhoOptedOutIsBlocked() {
        assertThat(fired(Facts.email().recipient("olga@acme.example", 12L, "WITHDRAWN", true, true))).contains("GR-07");
    }

    @Test
    void emailToContactWithUnknownConsentIsBlocked() {
        assertThat(fired(Facts.email().recipient("uma@acme.example", 13L, "UNKNOWN", true, true))).contains("GR-07");
    }

    @Test
    void chatAnswerMentioningOptedOutContactIsNotAConsentProblem() {
        assertThat(fired(Facts.email().channel("NOTE").recipient("olga@acme.example", 12L, "WITHDRAWN", true, true)))
                .doesNotContain("GR-07");
    }

    // GR-08
    @Test
    void recipientOutsideAccountIsBlocked() {
        assertThat(fired(Facts.email().recipient("someone@gmail.com", null, null, false, false))).contains("GR-08");
    }

    @Test
    void newAddressAtAccountDomainIsNotBlocked() {
        assertThat(fired(Facts.email().recipient("new.person@acme.example", null, null, false, true))).doesNotContain("GR-08");
    }

    // GR-09
    @Test
    void emailWithoutRecipientsIsBlocked() {
        assertThat(fired(Facts.email().noRecipients())).contains("GR-09");
    }

    @Test
    void chatAnswerWithoutRecipientsIsFine() {
        assertThat(fired(Facts.email().channel("CHAT").noRecipients())).isEmpty();
    }

    // GR-10
    @Test
    void personalDataOfAnotherAccountIsBlocked() {
        assertThat(fired(Facts.email().personalData(99L))).contains("GR-10");
    }

    @Test
    void personalDataOfTheSameAccountIsFine() {
        assertThat(fired(Facts.email().personalData(1L))).doesNotContain("GR-10");
    }

    // GR-11
    @Test
    void commitmentToPastDateNeedsApproval() {
        assertThat(fired(Facts.email().commitment(TODAY.minusDays(1)))).contains("GR-11");
    }

    @Test
    void commitmentToTodayIsFine() {
        assertThat(fired(Facts.email().commitment(TODAY))).doesNotContain("GR-11", "GR-12");
    }

    // GR-12
    @Test
    void commitmentBeyondPolicyHorizonNeedsApproval() {
        assertThat(fired(Facts.email().commitment(TODAY.plusDays(91)))).contains("GR-12");
    }

    @Test
    void commitmentOnPolicyHorizonIsFine() {
        assertThat(fired(Facts.email().commitment(TODAY.plusDays(90)))).doesNotContain("GR-12");
    }

    // GR-13
    @Test
    void stageChangeThatSkipsStagesNeedsApproval() {
        assertThat(fired(Facts.email().stageChange("QUALIFICATION", "PROPOSAL", 2))).contains("GR-13");
    }

    @Test
    void stageChangeBackwardsNeedsApproval() {
        assertThat(fired(Facts.email().stageChange("PROPOSAL", "QUALIFICATION", -1))).contains("GR-13");
    }

    @Test
    void stageChangeOneStepForwardIsFine() {
        assertThat(fired(Facts.email().stageChange("PROPOSAL", "NEGOTIATION", 1))).doesNotContain("GR-13");
    }

    // GR-14
    @Test
    void amountChangeAboveThresholdNeedsApproval() {
        assertThat(fired(Facts.email().amountChange("10000", "12500", "25"))).contains("GR-14");
    }

    @Test
    void amountChangeAtThresholdIsFine() {
        assertThat(fired(Facts.email().amountChange("10000", "12000", "20"))).doesNotContain("GR-14");
    }

    // GR-15
    @Test
    void toxicLanguageIsBlocked() {
        assertThat(fired(Facts.email().phrase("TOXIC", "idiot", null))).contains("GR-15");
    }

    @Test
    void otherPhraseKindsAreNotToxic() {
        assertThat(fired(Facts.email().phrase("GUARANTEE", "guaranteed", null))).doesNotContain("GR-15");
    }

    // GR-16
    @Test
    void disparagingCompetitorIsRepairedToNeutralSentence() {
        List<RuleHit> hits = hits(Facts.email().phrase("DISPARAGING", "garbage", "HubSpot"));
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(engine.catalogue().byName(hit.rule()).id()).isEqualTo("GR-16");
            assertThat(hit.find()).isEqualTo("A sentence with garbage.");
            assertThat(hit.replace()).isEqualTo("We are happy to walk you through how we compare with HubSpot.");
        });
    }

    @Test
    void noDisparagementNoRepair() {
        assertThat(fired(Facts.email().phrase("TOXIC", "idiot", null))).doesNotContain("GR-16");
    }

    // GR-17
    @Test
    void guaranteeLanguageIsFlagged() {
        assertThat(fired(Facts.email().phrase("GUARANTEE", "risk-free", null))).contains("GR-17");
    }

    @Test
    void placeholderIsNotGuaranteeLanguage() {
        assertThat(fired(Facts.email().phrase("PLACEHOLDER", "{{name}}", null))).doesNotContain("GR-17");
    }

    // GR-18
    @Test
    void unsupportedFigureIsFlaggedWhenSourcesWereGiven() {
        assertThat(fired(Facts.email().grounded().figure("42%", false))).contains("GR-18");
    }

    @Test
    void figuresAreNotJudgedWithoutSources() {
        assertThat(fired(Facts.email().figure("42%", false))).doesNotContain("GR-18");
    }

    @Test
    void supportedFigureIsNotFlagged() {
        assertThat(fired(Facts.email().grounded().figure("42%", true))).doesNotContain("GR-18");
    }

    // GR-19
    @Test
    void unfilledPlaceholderIsBlocked() {
        assertThat(fired(Facts.email().phrase("PLACEHOLDER", "{{first_name}}", null))).contains("GR-19");
    }

    @Test
    void noPlaceholderNoBlock() {
        assertThat(fired(Facts.email().phrase("GUARANTEE", "guaranteed", null))).doesNotContain("GR-19");
    }

    // GR-20
    @Test
    void linkToDomainNotOnAllowListIsBlocked() {
        assertThat(fired(Facts.email().link("closeloop-io.example"))).contains("GR-20");
    }

    @Test
    void linkToSubdomainOfAllowedDomainIsFine() {
        assertThat(fired(Facts.email().link("docs.closeloop.io"))).doesNotContain("GR-20");
    }

    @Test
    void lookalikeDomainEndingInAllowedNameIsBlocked() {
        assertThat(fired(Facts.email().link("evilcloseloop.io"))).contains("GR-20");
    }
}
