package io.closeloop.agents.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.GuardrailRound;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.agents.llm.LlmCall;
import io.closeloop.agents.support.Interactions;
import io.closeloop.agents.support.LlmOnlineProfile;
import io.closeloop.agents.support.ScriptedLlmServer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.kernel.ratelimit.RateLimitConfig;
import io.closeloop.kernel.ratelimit.RateLimitedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one repair round for every LLM output that is not an e-mail (the e-mail draft is
 * {@code router/chat/LlmDraftLoopTest}), against the scripted OpenAI-compatible server: for each
 * role a first output that breaks a rule, a clean revision, a revision that still breaks it, and a
 * clean first output. What the model is sent the second time (the violations, the blocked output
 * as delimited data, no raw personal data), what the rep gets, and the stored verdict rows.
 */
@QuarkusTest
@TestProfile(LlmOnlineProfile.class)
class LlmRepairLoopTest {

    /** One LLM role: a first output that the rules block (and why), one that still does, and a clean one. */
    enum Role {
        SUMMARY("summarize_account", "llm-account-summary", "GR-15", "damn") {
            Object output(Kind kind, long cited) {
                return switch (kind) {
                    case BAD -> new AccountSummary("[PERSON_1] says the rollout was a damn mess.", List.of("Rollout plan"), List.of(cited));
                    case STILL_BAD -> new AccountSummary("[PERSON_1] is still damn unhappy with the rollout.", List.of(), List.of(cited));
                    case CLEAN -> new AccountSummary("[PERSON_1] is waiting for the rollout plan.", List.of("Rollout plan"), List.of(cited));
                };
            }
        },
        NEXT_STEPS("next_best_action", "llm-next-steps", "GR-04", "Hyperdrive") {
            Object output(Kind kind, long cited) {
                return switch (kind) {
                    case BAD -> new NextSteps("The renewal needs a push.",
                            List.of(new NextSteps.Step("Offer [PERSON_1_FIRST] a trial of Closeloop Hyperdrive Max", 3, List.of(cited), "Asked about analytics")));
                    case STILL_BAD -> new NextSteps("The renewal needs a push.",
                            List.of(new NextSteps.Step("Show [PERSON_1_FIRST] the Closeloop Hyperdrive Ultra demo", 3, List.of(cited), "Asked about analytics")));
                    case CLEAN -> new NextSteps("The renewal needs a push.",
                            List.of(new NextSteps.Step("Call [PERSON_1_FIRST] about the Closeloop Insights Pro rollout", 3, List.of(cited),
                                    "Asked about analytics")));
                };
            }
        },
        BRIEF("meeting_prep", "llm-meeting-brief", "GR-19", "[Customer Name]") {
            Object output(Kind kind, long cited) {
                return switch (kind) {
                    case BAD -> new MeetingBrief("Recap for [Customer Name]: the rollout is late.", List.of("Rollout"), List.of("When?"), List.of(cited));
                    case STILL_BAD -> new MeetingBrief("The rollout is late.", List.of("Rollout for [Customer Name]"), List.of(), List.of(cited));
                    case CLEAN -> new MeetingBrief("The rollout is late for [PERSON_1_FIRST].", List.of("Rollout"), List.of("What blocks it?"), List.of(cited));
                };
            }
        },
        OBJECTION("objection_handling", "llm-objection-response", "GR-20", "crm-compare-deals.net") {
            Object output(Kind kind, long cited) {
                return switch (kind) {
                    case BAD -> new ObjectionResponse("Share the comparison at https://crm-compare-deals.net/closeloop with [PERSON_1_FIRST].",
                            List.of("Value per seat"), List.of(cited));
                    case STILL_BAD -> new ObjectionResponse("Point [PERSON_1_FIRST] to the value per seat.",
                            List.of("See https://crm-compare-deals.net/rival"), List.of(cited));
                    case CLEAN -> new ObjectionResponse("Point [PERSON_1_FIRST] to the value per seat and the rollout support.",
                            List.of("Value per seat"), List.of(cited));
                };
            }
        };

        final String intent;
        final String checkKind;
        final String rule;
        /** A piece of the blocked outputs that must never reach the rep. */
        final String blockedFragment;

        Role(String intent, String checkKind, String rule, String blockedFragment) {
            this.intent = intent;
            this.checkKind = checkKind;
            this.rule = rule;
            this.blockedFragment = blockedFragment;
        }

        abstract Object output(Kind kind, long cited);
    }

    enum Kind { BAD, STILL_BAD, CLEAN }

    @Inject
    GuardrailFixtures guardrails;
    @Inject
    Interactions history;
    @Inject
    AgentDispatcher agents;
    @Inject
    CrmFixtures crm;
    @Inject
    RateLimitConfig limits;

    GuardrailFixtures.Scene scene;
    long rollout;
    static boolean warm;

    @BeforeEach
    void setUp() {
        ScriptedLlmServer.server().resetAll();
        if (!warm) {
            ScriptedLlmServer.warmUp(agents, crm.rep("warmup", RepRole.REP, null));
            warm = true;
        }
        scene = guardrails.scene(false);
        rollout = history.add(scene.rep(), scene.account().id, "EMAIL", "INBOUND", "2026-11-10T09:00:00Z", "Rollout",
                "Hi, this is Grace Example (" + scene.granted().email + "). The rollout is late; when do we get the plan?");
    }

    ResponseDefinitionBuilder answer(Object output) {
        return okJson(ScriptedLlmServer.completion(ScriptedLlmServer.json(output)));
    }

    AgentAnswer ask(Role role) {
        return agents.answer(new AgentRequest(scene.rep(), "Help me with Guarded Co: the rollout", scene.account().id, scene.granted().id, null,
                role.intent));
    }

    static String allText(JsonNode request) {
        List<String> parts = new ArrayList<>();
        request.get("messages").forEach(m -> parts.add(m.path("content").asText("")));
        return String.join("\n", parts);
    }

    List<LlmCall> calls() {
        return QuarkusTransaction.requiringNew().call(() -> LlmCall.<LlmCall>list("repId = ?1 order by id", scene.rep().id));
    }

    GuardrailVerdict stored(GuardrailRound round) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.<GuardrailVerdict>findById(round.check().verdictId()));
    }

    /** Every round is a stored verdict row with its rule ids and the trace id of the LLM calls. */
    void assertStored(Role role, List<GuardrailRound> rounds) {
        String trace = calls().get(0).traceId;
        assertThat(trace).hasSize(32);
        for (GuardrailRound round : rounds) {
            GuardrailVerdict row = stored(round);
            assertThat(row.subjectKind).isEqualTo(role.checkKind);
            assertThat(row.verdict).isEqualTo(round.check().verdict().name());
            assertThat(row.ruleIds).containsExactlyInAnyOrderElementsOf(round.check().rules().stream().map(r -> r.id()).toList());
            assertThat(row.traceId).isEqualTo(trace);
            assertThat(row.repId).isEqualTo(scene.rep().id);
        }
    }

    String[] personalData() {
        return new String[] { "Grace", "Wendy", "Uma", scene.granted().email, scene.withdrawn().email, scene.unknown().email };
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aBlockedOutputIsRevisedOnceWithItsViolationsAndTheRepGetsTheCleanRevision(Role role) {
        ScriptedLlmServer.script(answer(role.output(Kind.BAD, rollout)), answer(role.output(Kind.CLEAN, rollout)));

        AgentAnswer answer = ask(role);

        assertThat(answer.mode()).isEqualTo(AnswerMode.LLM);
        List<JsonNode> sent = ScriptedLlmServer.requests();
        assertThat(sent).hasSize(2);
        String revision = allText(sent.get(1));
        assertThat(revision).contains("- " + role.rule + ": ", "<blocked-answer trust=\"untrusted-data\">", role.blockedFragment,
                "<interaction id=\"" + rollout + "\"", "[PERSON_1");
        assertThat(revision).doesNotContain(personalData());
        assertThat(allText(sent.get(0))).doesNotContain(role.rule + ":", "<blocked-answer");

        assertThat(answer.text()).doesNotContain(role.blockedFragment).doesNotContain("[PERSON_");
        assertThat(answer.text()).containsAnyOf("Grace", "Wendy", "Uma");
        assertThat(answer.notice()).contains("revised it once with the violations and the revision passed");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.round() + " " + r.check().verdict() + " " + r.fallback())
                .containsExactly("answer 0 BLOCK false", "answer 1 ALLOW false");
        assertThat(answer.guardrails().get(0).check().rules()).extracting(r -> r.id()).contains(role.rule);
        assertThat(calls()).hasSize(2).allMatch(c -> c.outcome.equals("OK"));
        assertThat(answer.usage().calls()).as("the revision is charged like any call").isEqualTo(2);
        assertStored(role, answer.guardrails());
        if (role == Role.NEXT_STEPS) {
            assertThat(answer.actions()).singleElement().isInstanceOfSatisfying(TaskProposal.class,
                    t -> assertThat(t.subject()).contains("Closeloop Insights Pro").doesNotContain("Hyperdrive"));
        } else {
            assertThat(answer.actions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aRevisionThatStillBreaksTheRulesIsWithheldAndNoBlockedTextIsShown(Role role) {
        ScriptedLlmServer.script(answer(role.output(Kind.BAD, rollout)), answer(role.output(Kind.STILL_BAD, rollout)));

        AgentAnswer answer = ask(role);

        assertThat(ScriptedLlmServer.requests()).hasSize(2);
        assertThat(answer.mode()).isEqualTo(AnswerMode.LLM);
        assertThat(answer.text()).contains("could not produce a version that passes the company's rules", role.rule)
                .doesNotContain(role.blockedFragment, "rollout", "Rollout");
        assertThat(answer.notice()).contains("withheld", "even after one revision");
        assertThat(answer.actions()).isEmpty();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.round() + " " + r.check().verdict() + " " + r.fallback())
                .containsExactly("withheld-answer 0 BLOCK false", "withheld-answer 1 BLOCK true");
        assertThat(answer.guardrails().get(1).check().rules()).extracting(r -> r.id()).contains(role.rule);
        assertStored(role, answer.guardrails());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aCleanFirstOutputIsAnsweredAfterOneCallAndOneCheck(Role role) {
        ScriptedLlmServer.script(answer(role.output(Kind.CLEAN, rollout)), answer(role.output(Kind.BAD, rollout)));

        AgentAnswer answer = ask(role);

        assertThat(ScriptedLlmServer.requests()).hasSize(1);
        assertThat(calls()).hasSize(1);
        assertThat(answer.notice()).isNull();
        assertThat(answer.guardrails()).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo(GuardrailRound.ANSWER);
            assertThat(r.check().verdict()).isEqualTo(Verdict.ALLOW);
        });
        assertThat(answer.text()).doesNotContain(role.blockedFragment).containsAnyOf("Grace", "Wendy", "Uma");
        assertStored(role, answer.guardrails());
    }

    @Test
    void aFailedRevisionCallFallsBackAndTheBlockedTextIsNeverShown() {
        ScriptedLlmServer.script(answer(Role.SUMMARY.output(Kind.BAD, rollout)),
                aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"overloaded\"}}"));

        AgentAnswer answer = ask(Role.SUMMARY);

        assertThat(ScriptedLlmServer.requests()).hasSize(2 + LlmOnlineProfile.MAX_RETRIES);
        assertThat(answer.text()).contains("could not produce a version that passes the company's rules").doesNotContain("damn");
        assertThat(answer.notice()).contains("withheld");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.round() + " " + r.check().verdict() + " " + r.fallback())
                .containsExactly("withheld-answer 0 BLOCK true");
    }

    @Test
    void aMalformedRevisionIsRetriedByTheInvokerLikeAnyCall() {
        var server = ScriptedLlmServer.server();
        server.stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).inScenario("malformed").whenScenarioStateIs(STARTED)
                .willReturn(answer(Role.BRIEF.output(Kind.BAD, rollout))).willSetStateTo("broken"));
        server.stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).inScenario("malformed").whenScenarioStateIs("broken")
                .willReturn(okJson(ScriptedLlmServer.completion("Here you go: {brief: [oops"))).willSetStateTo("fixed"));
        server.stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).inScenario("malformed").whenScenarioStateIs("fixed")
                .willReturn(answer(Role.BRIEF.output(Kind.CLEAN, rollout))));

        AgentAnswer answer = ask(Role.BRIEF);

        assertThat(ScriptedLlmServer.requests()).hasSize(3);
        assertThat(answer.text()).startsWith("The rollout is late for ").contains("Questions to ask:\n- What blocks it?");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.check().verdict()).containsExactly("answer BLOCK", "answer ALLOW");
    }

    @Test
    void aRepairIsAppliedToWhatIsShownWithoutAskingTheModelAgain() {
        ScriptedLlmServer.script(answer(new ObjectionResponse("Closeloop Insights Pro costs $999 per seat per year.", List.of(), List.of(rollout))),
                answer(Role.OBJECTION.output(Kind.CLEAN, rollout)));

        AgentAnswer answer = ask(Role.OBJECTION);

        assertThat(ScriptedLlmServer.requests()).hasSize(1);
        assertThat(answer.text()).isEqualTo("Closeloop Insights Pro costs USD 1,200.00 per seat per year.");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.check().verdict()).containsExactly("answer REPAIR");
    }

    @Test
    void aRevisionThatNeedsARepairIsShownRepaired() {
        ScriptedLlmServer.script(answer(Role.OBJECTION.output(Kind.BAD, rollout)),
                answer(new ObjectionResponse("Closeloop Insights Pro costs $999 per seat per year.", List.of(), List.of(rollout))));

        AgentAnswer answer = ask(Role.OBJECTION);

        assertThat(ScriptedLlmServer.requests()).hasSize(2);
        assertThat(answer.text()).isEqualTo("Closeloop Insights Pro costs USD 1,200.00 per seat per year.");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.check().verdict())
                .containsExactly("answer BLOCK", "answer REPAIR");
    }

    @Test
    void aRevisionLongerThanTheGuardrailsCheckIsWithheldNotAnError() {
        String endless = "Point [PERSON_1_FIRST] to the value per seat. ".repeat(DraftInput.MAX_TEXT / 30); // > MAX_TEXT once restored;
        ScriptedLlmServer.script(answer(Role.OBJECTION.output(Kind.BAD, rollout)),
                answer(new ObjectionResponse(endless, List.of(), List.of(rollout))));

        AgentAnswer answer = ask(Role.OBJECTION);

        assertThat(ScriptedLlmServer.requests()).hasSize(2);
        assertThat(answer.text()).contains("could not produce a version that passes the company's rules")
                .doesNotContain(Role.OBJECTION.blockedFragment).doesNotContain("value per seat");
        assertThat(answer.guardrails()).extracting(r -> r.subject() + " " + r.round() + " " + r.check().verdict() + " " + r.fallback())
                .containsExactly("withheld-answer 0 BLOCK true");
    }

    @Test
    void aFirstOutputLongerThanTheGuardrailsCheckIsAnsweredOfflineAndSaysWhy() {
        String endless = "Point [PERSON_1_FIRST] to the value per seat. ".repeat(DraftInput.MAX_TEXT / 30); // > MAX_TEXT once restored;
        ScriptedLlmServer.script(answer(new ObjectionResponse(endless, List.of(), List.of(rollout))), answer(Role.OBJECTION.output(Kind.CLEAN, rollout)));

        AgentAnswer answer = ask(Role.OBJECTION);

        assertThat(ScriptedLlmServer.requests()).hasSize(1);
        assertThat(answer.mode()).isEqualTo(AnswerMode.OFFLINE);
        assertThat(answer.notice()).contains("longer than the " + DraftInput.MAX_TEXT + " characters");
        assertThat(answer.text()).doesNotContain("value per seat. Point");
    }

    @Test
    void aRevisionRefusedByTheRepsOwnBudgetIsA429NotARulesNotice() throws Exception {
        long budget = limits.llmTokens();
        ObjectNode spent = (ObjectNode) new ObjectMapper().readTree(ScriptedLlmServer.completion(ScriptedLlmServer.json(
                Role.OBJECTION.output(Kind.BAD, rollout))));
        spent.putObject("usage").put("prompt_tokens", budget).put("completion_tokens", budget / 2).put("total_tokens", budget + budget / 2);
        ScriptedLlmServer.script(okJson(spent.toString()), answer(Role.OBJECTION.output(Kind.CLEAN, rollout)));

        assertThatThrownBy(() -> ask(Role.OBJECTION)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).isPositive());
        assertThat(ScriptedLlmServer.requests()).as("the revision never reached the provider").hasSize(1);
    }
}
