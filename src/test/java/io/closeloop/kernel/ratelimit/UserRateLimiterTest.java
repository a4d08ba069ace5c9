package io.closeloop.kernel.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Per-user limits: one user's burst is refused with 429 + Retry-After while another user is served. */
@QuarkusTest
class UserRateLimiterTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    UserRateLimiter limiter;
    @Inject
    RateLimitConfig config;
    @Inject
    @io.quarkus.agroal.DataSource(UserRateLimiter.DATASOURCE)
    DataSource rateLimitDataSource;
    @Inject
    DataSource dataSource;

    @Test
    void chatBeyondTheUsersBucketIsRefusedWith429AndRetryAfterWhileOthersAreServed() {
        Rep greedy = fixtures.rep("greedy", RepRole.REP, null);
        Rep polite = fixtures.rep("polite", RepRole.REP, null);
        long capacity = config.chat().capacity();
        given().auth().preemptive().basic(greedy.username, CrmFixtures.PASSWORD).post("/api/test/chat-probe")
                .then().statusCode(200);
        // the rest of the burst straight through the limiter: 100 HTTP requests on a loaded machine can
        // outlast the one-minute window, and the bucket refills (seen at load 30)
        for (long i = 1; i < capacity; i++) {
            limiter.acquireChat(greedy.username);
        }
        Response refused = given().auth().preemptive().basic(greedy.username, CrmFixtures.PASSWORD).post("/api/test/chat-probe");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:too-many-requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, config.chat().period().toSeconds());
        given().auth().preemptive().basic(polite.username, CrmFixtures.PASSWORD).post("/api/test/chat-probe")
                .then().statusCode(200);
    }

    @Test
    void bucketsCommitWithoutWaitingForTheWalFlushAndOtherWritesStillWait() throws Exception {
        try (Connection buckets = rateLimitDataSource.getConnection(); Connection other = dataSource.getConnection();
                Statement onBuckets = buckets.createStatement(); Statement onOther = other.createStatement()) {
            ResultSet relaxed = onBuckets.executeQuery("show synchronous_commit");
            relaxed.next();
            assertThat(relaxed.getString(1)).isEqualTo("off");
            ResultSet durable = onOther.executeQuery("show synchronous_commit");
            durable.next();
            assertThat(durable.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void anonymousChatIsUnauthorisedNotCounted() {
        given().post("/api/test/chat-probe").then().statusCode(401);
    }

    @Test
    void llmSpendIsRefusedOnceTheTokenBudgetIsChargedAndNotBefore() {
        String user = CrmFixtures.unique("spender");
        limiter.checkLlmBudget(user);
        limiter.chargeLlm(user, config.llmTokens() - 1);
        limiter.checkLlmBudget(user);
        limiter.chargeLlm(user, 5000); // the last call may run into debt
        assertThatThrownBy(() -> limiter.checkLlmBudget(user))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
        limiter.checkLlmBudget(CrmFixtures.unique("other"));
    }
}
