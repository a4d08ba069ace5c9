package io.closeloop.vectorstore.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestStatus;
import io.closeloop.vectorstore.interaction.MatchMethod;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Demo interactions go through the real pipeline onto the CRM book, matched by address, and loading twice changes nothing. */
@QuarkusTest
class DemoInteractionsTest {

    @Inject
    CrmFixtures crm;
    @Inject
    DemoInteractions demo;

    @Test
    void demoInteractionsAreStoredMatchedAndIdempotent() throws Exception {
        Rep owner = crm.rep("demo-owner", RepRole.REP, crm.team("demo"));
        for (int a = 0; a < 3; a++) {
            Account account = crm.account("Demo Account", owner);
            crm.contact(account, "Chris", EmailConsent.GRANTED);
        }
        long seed = System.nanoTime();
        List<IngestResult> first = demo.loadAsync(seed, 120).get(5, TimeUnit.MINUTES);
        assertEquals(120, first.size());
        assertTrue(first.stream().allMatch(r -> r.status() == IngestStatus.CREATED), first.toString());
        assertTrue(first.stream().anyMatch(r -> r.matchMethod() == MatchMethod.CONTACT_EMAIL));
        List<IngestResult> again = demo.loadAsync(seed, 120).get(5, TimeUnit.MINUTES);
        assertTrue(again.stream().allMatch(r -> r.status() == IngestStatus.UNCHANGED), again.toString());
    }
}
