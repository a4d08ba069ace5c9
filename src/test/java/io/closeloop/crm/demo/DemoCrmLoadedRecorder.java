package io.closeloop.crm.demo;

import io.closeloop.crm.account.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every {@link DemoCrmLoaded} the way a higher layer would receive it, including how many
 * accounts a fresh transaction could see at that moment (all of them only if the load committed).
 */
@ApplicationScoped
public class DemoCrmLoadedRecorder {

    public record Seen(long seed, long committedAccounts, LocalDate day) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void on(@Observes DemoCrmLoaded loaded) {
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count());
        seen.add(new Seen(loaded.seed(), accounts, LocalDate.now(ZoneOffset.UTC)));
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }
}
