package io.closeloop.agents.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.support.LlmOnlineProfile;
import io.closeloop.agents.support.ScriptedLlmServer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.ratelimit.RateLimitConfig;
import io.closeloop.kernel.ratelimit.RateLimitedException;
import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-rep LLM spend limit, at the one place every LLM call goes through: the scripted
 * provider reports the tokens it used, the rep is charged them, and once the budget is spent the
 * next LLM request is refused with a 429 before anything reaches the provider.
 */
@QuarkusTest
@TestProfile(LlmOnlineProfile.class)
class LlmBudgetTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CrmFixtures crm;
    @Inject
    AgentDispatcher agents;
    @Inject
    RateLimitConfig limits;

    Rep spender;
    Account account;

    @BeforeEach
    void setUp() {
        ScriptedLlmServer.server().resetAll();
        spender = crm.rep("spender", RepRole.REP, crm.team("budget"));
        account = crm.account("Budget Freight", spender);
    }

    /** A completion whose usage is the given token counts (what the provider bills). */
    static String completionUsing(long in, long out) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ScriptedLlmServer.completion(
                "{\"response\":\"Price is not the whole story.\",\"talkingPoints\":[],\"citedInteractionIds\":[]}"));
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root.toString();
    }

    AgentRequest ask(Rep rep, Account a) {
        return new AgentRequest(rep, "They say a competitor is cheaper, how do I answer?", a.id, null, null, "objection_handling");
    }

    @Test
    void aSpentBudgetRefusesTheNextCallWith429AndSendsNothing() throws Exception {
        long budget = limits.llmTokens();
        long in = budget * 3 / 4;
        long out = budget / 4 + budget / 10; // one call spends more than the whole budget: the bucket runs into debt (minutes of refill)
        ScriptedLlmServer.server().stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).willReturn(okJson(completionUsing(in, out))));
        warmUp();
        ScriptedLlmServer.server().resetRequests();

        AgentAnswer first = agents.answer(ask(spender, account));
        assertThat(first.mode()).isEqualTo(AnswerMode.LLM);
        assertThat(first.usage().tokensIn()).isEqualTo((int) in);
        assertThat(first.usage().tokensOut()).isEqualTo((int) out);
        assertThat(ScriptedLlmServer.requests()).hasSize(1);
        long rows = QuarkusTransaction.requiringNew().call(() -> LlmCall.count("repId", spender.id));

        assertThatThrownBy(() -> agents.answer(ask(spender, account)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isPositive();
                    assertThat(e.getMessage()).contains(UserRateLimiter.LLM);
                });
        assertThat(ScriptedLlmServer.requests()).as("the provider received no further request").hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LlmCall.count("repId", spender.id))).as("no call recorded").isEqualTo(rows);

        // The budget is the rep's own: a colleague is still served.
        Rep colleague = crm.rep("colleague", RepRole.REP, crm.team("budget"));
        assertThat(agents.answer(ask(colleague, crm.account("Colleague Freight", colleague))).mode()).isEqualTo(AnswerMode.LLM);
        assertThat(ScriptedLlmServer.requests()).hasSize(2);
    }

    @Test
    void aCallWithinTheBudgetIsChargedAndTheNextOneStillGoesOut() throws Exception {
        ScriptedLlmServer.server().stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).willReturn(okJson(completionUsing(100, 20))));
        warmUp();
        ScriptedLlmServer.server().resetRequests();

        assertThat(agents.answer(ask(spender, account)).mode()).isEqualTo(AnswerMode.LLM);
        assertThat(agents.answer(ask(spender, account)).mode()).isEqualTo(AnswerMode.LLM);
        assertThat(ScriptedLlmServer.requests()).hasSize(2);
    }

    /** The first call in a JVM builds the REST client (longer than the profile's 1 s attempt timeout); a throwaway rep pays for it. */
    void warmUp() {
        Rep rep = crm.rep("warmup", RepRole.REP, null);
        agents.answer(ask(rep, crm.account("Warmup Freight", rep)));
    }
}
