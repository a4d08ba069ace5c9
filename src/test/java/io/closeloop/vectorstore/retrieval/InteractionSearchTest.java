package io.closeloop.vectorstore.retrieval;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Semantic, hybrid, similar and timeline retrieval: ranked, filtered, and never outside the caller's accounts. */
@QuarkusTest
class InteractionSearchTest {

    @Inject
    CrmFixtures crm;
    @Inject
    IngestionPipeline pipeline;
    @Inject
    InteractionSearch search;
    @Inject
    javax.sql.DataSource db;

    Rep alice;      // rep, east, owns mine
    Rep carol;      // rep, west, owns theirs
    Rep manager;    // manager of east
    Rep admin;
    Account mine;
    Account theirs;
    long budget, scheduling, securityCall, theirBudget, unmatched, oldNote;

    @BeforeEach
    void setUp() {
        Team east = crm.team("east");
        Team west = crm.team("west");
        alice = crm.rep("alice", RepRole.REP, east);
        carol = crm.rep("carol", RepRole.REP, west);
        manager = crm.rep("manager", RepRole.MANAGER, east);
        admin = crm.rep("admin", RepRole.ADMIN, null);
        mine = crm.account("Search Co", alice);
        theirs = crm.account("Other Co", carol);
        List<IngestResult> stored = pipeline.ingest(List.of(
                input(mine, "EMAIL", "2026-03-01T10:00:00Z", "Budget freeze",
                        "Our CFO has frozen all new software spending until the next fiscal year, so the purchase order is on hold."),
                input(mine, "EMAIL", "2026-03-03T10:00:00Z", "Moving our call",
                        "Could we move Thursday's review meeting to Friday morning? Something came up."),
                input(mine, "CALL", "2026-03-05T10:00:00Z", "Security review",
                        "Call notes: their security team asked for our SOC 2 Type II report and the penetration test summary."),
                input(theirs, "EMAIL", "2026-03-02T10:00:00Z", "Spending cuts",
                        "Finance cancelled every discretionary purchase this quarter; we cannot approve the spend."),
                input(null, "EMAIL", "2026-03-02T11:00:00Z", "Budget question",
                        "We have no money left in this year's budget for new tools."),
                input(mine, "NOTE", "2025-06-01T10:00:00Z", "Old note",
                        "Kick-off meeting went well; the team is excited about the rollout.")), IngestPath.API, null);
        budget = stored.get(0).interactionId();
        scheduling = stored.get(1).interactionId();
        securityCall = stored.get(2).interactionId();
        theirBudget = stored.get(3).interactionId();
        unmatched = stored.get(4).interactionId();
        oldNote = stored.get(5).interactionId();
    }

    static InteractionInput input(Account account, String channel, String at, String subject, String body) {
        return new InteractionInput(CrmFixtures.unique("search"), "test", channel, null, at, account == null ? null : account.id, null,
                null, subject, body, null, null, null, List.of(), null);
    }

    static Set<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::interactionId).collect(Collectors.toSet());
    }

    @Test
    void semanticSearchPutsTheMeaningfulMatchFirstWithDescendingScores() {
        List<SearchHit> hits = search.semantic(alice, "the customer cannot get the money approved", SearchFilter.NONE, 10);
        assertEquals(budget, hits.get(0).interactionId(), hits.toString());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
        assertTrue(hits.get(0).score() > 0 && hits.get(0).score() <= 1);
    }

    @Test
    void aRepNeverRetrievesInteractionsOfAccountsTheyCannotSeeNorUnmatchedOnes() {
        String query = "no budget to approve the purchase";
        for (List<SearchHit> hits : List.of(search.semantic(alice, query, SearchFilter.NONE, 50),
                search.hybrid(alice, query, SearchFilter.NONE, 50), search.similar(alice, budget, SearchFilter.NONE, 50))) {
            assertFalse(ids(hits).contains(theirBudget), hits.toString());
            assertFalse(ids(hits).contains(unmatched), hits.toString());
            assertTrue(hits.stream().allMatch(h -> h.accountId() != null));
        }
        as(alice).get("/api/interactions/{id}", theirBudget).then().statusCode(404);
        as(alice).get("/api/interactions/{id}/similar", theirBudget).then().statusCode(404);
        as(alice).get("/api/interactions/timeline?accountId={id}", theirs.id).then().statusCode(404);
        as(alice).get("/api/interactions/search?q=budget&accountId={id}", theirs.id).then().statusCode(404);
        assertTrue(ids(search.semantic(carol, query, SearchFilter.NONE, 50)).contains(theirBudget));
    }

    @Test
    void adminsSeeUnmatchedInteractionsAndManagersOnlyTheirTeamsAccounts() {
        String query = "no money left in the budget for new tools";
        assertTrue(ids(search.semantic(admin, query, SearchFilter.NONE, 50)).contains(unmatched));
        Set<Long> managerHits = ids(search.semantic(manager, query, SearchFilter.NONE, 50));
        assertTrue(managerHits.contains(budget));
        assertFalse(managerHits.contains(unmatched));
        assertFalse(managerHits.contains(theirBudget));
    }

    @Test
    void filtersRestrictByAccountChannelAndTime() {
        List<SearchHit> calls = search.semantic(admin, "security documents", new SearchFilter(mine.id, null, null, Channel.CALL, null, null), 10);
        assertEquals(Set.of(securityCall), ids(calls));
        List<SearchHit> march = search.semantic(admin, "meeting", new SearchFilter(mine.id, null, null, null,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")), 10);
        assertEquals(Set.of(budget, scheduling, securityCall), ids(march));
        as(alice).get("/api/interactions/search?q=meeting&mode=semantic&accountId={id}&channel=EMAIL", mine.id).then().statusCode(200)
                .body("size()", equalTo(2));
    }

    @Test
    void hybridSearchFindsAnExactTermThroughFullTextAndFusesBothRanks() {
        List<SearchHit> hits = search.hybrid(alice, "SOC 2", SearchFilter.account(mine.id), 5);
        assertEquals(securityCall, hits.get(0).interactionId(), hits.toString());
        assertEquals(1, hits.get(0).textRank());
        assertTrue(hits.get(0).vectorRank() != null);
        assertTrue(hits.stream().filter(h -> h.interactionId() != securityCall).allMatch(h -> h.textRank() == null));
    }

    @Test
    void similarInteractionsExcludeTheInteractionItself() {
        List<SearchHit> hits = search.similar(alice, budget, SearchFilter.NONE, 10);
        assertFalse(ids(hits).contains(budget));
        assertEquals(Set.of(scheduling, securityCall, oldNote), ids(hits));
        assertEquals(Set.of(theirBudget), ids(search.similar(admin, budget, SearchFilter.account(theirs.id), 10)));
    }

    @Test
    void theTimelineListsAnAccountsInteractionsNewestFirst() {
        as(alice).get("/api/interactions/timeline?accountId={id}", mine.id).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items[0].id", equalTo((int) securityCall))
                .body("items[3].id", equalTo((int) oldNote));
    }

    /** The search benchmark builds {@link NearestChunks#INDEX}; the service's table must carry exactly that index. */
    @Test
    void theStoresVectorIndexIsTheOneTheSearchBenchmarkMeasures() throws java.sql.SQLException {
        String definition;
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select pg_get_indexdef('interaction_chunk_embedding_idx'::regclass)")) {
            assertTrue(rs.next());
            definition = rs.getString(1);
        }
        // pg_get_indexdef: "... USING hnsw (((embedding)::halfvec(384)) halfvec_cosine_ops) WITH (m='12', ef_construction='48')"
        assertEquals(parameters(NearestChunks.INDEX.replace(" ", "")), parameters(definition.replace("'", "").replace(" ", "")), definition);
        assertTrue(definition.contains("USING hnsw (((embedding)::halfvec(384)) halfvec_cosine_ops)"), definition);
    }

    private static String parameters(String indexDefinition) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("m=(\\d+),ef_construction=(\\d+)").matcher(indexDefinition);
        assertTrue(m.find(), indexDefinition);
        return "m=" + m.group(1) + ",ef_construction=" + m.group(2);
    }

    @Test
    void badSearchParametersAreProblemsNamingTheField() {
        as(alice).queryParam("q", "  ").get("/api/interactions/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        as(alice).get("/api/interactions/search?q=x&k=0").then().statusCode(400).body("errors[0].field", equalTo("k"));
        as(alice).get("/api/interactions/search?q=x&channel=FAX").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        as(alice).get("/api/interactions/search?q=x&mode=magic").then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }
}
