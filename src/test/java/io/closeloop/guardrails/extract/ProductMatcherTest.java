package io.closeloop.guardrails.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductMatcherTest {

    final ProductMatcher matcher = new ProductMatcher(
            List.of("Closeloop Insights Pro", "Closeloop Forecast", "Pipeline Guard Add-on"), List.of("Closeloop"), 0.9);

    static String found(List<ProductMatcher.Mention> mentions) {
        return mentions.stream().map(m -> m.text() + "=" + m.product()).toList().toString();
    }

    @Test
    void matchesCatalogueNamesIncludingTypos() {
        assertThat(found(matcher.find("Our Closeloop Insight Pro and the Pipeline Guard Addon work together.")))
                .isEqualTo("[Closeloop Insight Pro=Closeloop Insights Pro, Pipeline Guard Addon=Pipeline Guard Add-on]");
    }

    @Test
    void reportsBrandedNamesThatAreNotInTheCatalogue() {
        assertThat(found(matcher.find("Try the new Closeloop Quantum Negotiator today.")))
                .isEqualTo("[Closeloop Quantum Negotiator=null]");
    }

    @Test
    void aBrandAfterAnotherCapitalisedWordStillStartsAName() {
        assertThat(found(matcher.find("Demo Closeloop Hyperdrive Ultra to Grace, then Show Closeloop Insights Pro.")))
                .isEqualTo("[Closeloop Hyperdrive Ultra=null, Closeloop Insights Pro=Closeloop Insights Pro]");
    }

    @Test
    void aRealNameWithAnInventedWordIsNotThatProduct() {
        assertThat(found(matcher.find("Closeloop Forecast Lite and Closeloop Insights Pro Max are new.")))
                .isEqualTo("[Closeloop Forecast Lite=null, Closeloop Insights Pro Max=null]");
    }

    @Test
    void ignoresCapitalisedWordsThatAreNotProductLike() {
        assertThat(matcher.find("Hi Dana, Thanks for the call with Acme Corp on Monday in New York.")).isEmpty();
    }

    @Test
    void aCatalogueNameInsideALongerNameStillMatches() {
        assertThat(found(matcher.find("The Closeloop Forecast Plan fits."))).isEqualTo("[Closeloop Forecast Plan=Closeloop Forecast]");
    }
}
