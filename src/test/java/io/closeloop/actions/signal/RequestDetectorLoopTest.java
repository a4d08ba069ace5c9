package io.closeloop.actions.signal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.agents.classifier.ClassifierService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open-request signal from the trained email-request-detector (trained here from a small real
 * sample through the service's start-up training path), scored sentence by sentence.
 */
@QuarkusTest
class RequestDetectorLoopTest {

    @Inject
    RequestDetectorFixture fixture;

    @Inject
    RequestDetector detector;

    @Inject
    ClassifierService classifiers;

    @Inject
    SignalConfig config;

    @BeforeEach
    void setUp() {
        fixture.ensureTrained();
    }

    @Test
    void theDetectorIsTheTrainedClassifierAndSaysWhichVersionServes() {
        RequestDetector.Availability a = detector.availability();
        assertThat(a.available()).isTrue();
        assertThat(a.model()).isEqualTo("email-request-detector");
        assertThat(a.version()).isEqualTo(classifiers.find("email-request-detector", null).version());
        assertThat(classifiers.find("email-request-detector", null).labels()).containsExactlyInAnyOrder("Yes", "No");
        given().get("/q/health/well").then().statusCode(200).body("checks.find { it.name == 'open-request-signal' }.status", equalTo("UP"));
    }

    @Test
    void aRequestScoresAboveTheEnterThresholdAndSmallTalkBelowIt() {
        assertThat(detector.score(SignalDetectionTest.REQUEST)).hasValueSatisfying(p -> assertThat(p).isGreaterThanOrEqualTo(config.requestDetector().enter()));
        assertThat(detector.score(SignalDetectionTest.NEUTRAL)).hasValueSatisfying(p -> assertThat(p).isLessThan(config.requestDetector().enter()));
    }

    @Test
    void oneRequestInALongMailIsEnoughAndQuotedEarlierMailIsIgnored() {
        String mail = "Thanks for the call today.\nIt was good to meet the team.\n\n" + SignalDetectionTest.REQUEST + "\n\nBest regards,\nSam";
        double alone = detector.score("Thanks for the call today.\nIt was good to meet the team.\n\nBest regards,\nSam").orElseThrow();
        assertThat(detector.score(mail)).hasValueSatisfying(p -> assertThat(p).isGreaterThanOrEqualTo(config.requestDetector().enter()).isGreaterThan(alone));
        String quoted = "Thanks, that is all for now.\n\n> " + SignalDetectionTest.REQUEST;
        assertThat(detector.score(quoted).orElseThrow()).isLessThan(detector.score(mail).orElseThrow());
    }

    @Test
    void sentencesAreSplitByParagraphWithWrappedLinesJoined() {
        assertThat(RequestDetector.sentences("Re: Paperwork\n\nCould you please send\nthe invoice? Thanks.\n> Quoted line.", 40))
                .containsExactly("Re: Paperwork", "Could you please send the invoice?", "Thanks.");
        assertThat(RequestDetector.sentences("One. Two. Three.", 2)).containsExactly("One.", "Two.");
    }
}
