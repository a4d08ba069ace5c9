package io.closeloop.crm.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Loads the demo book on the first start with {@code closeloop.demo.enabled=true}: when the
 * database has no users yet, it writes the whole book in one transaction, logs the demo users,
 * and then (after the commit) fires {@link DemoCrmLoaded} so higher layers add their own demo
 * data. Any later start loads nothing. Replicas starting together are serialised by an advisory
 * lock, so only one of them loads.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);
    /** pg_advisory_xact_lock key of the demo load ("CLDEMO" in ASCII). */
    private static final long LOCK = 0x434c44454d4fL;

    private final DemoConfig config;
    private final AgroalDataSource dataSource;
    private final Event<DemoCrmLoaded> loaded;
    private final Clock clock = Clock.systemUTC();

    public DemoLoader(DemoConfig config, AgroalDataSource dataSource, Event<DemoCrmLoaded> loaded) {
        this.config = config;
        this.dataSource = dataSource;
        this.loaded = loaded;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            loadIfFirstRun();
        }
    }

    /** Loads the book for the configured seed and today (UTC) unless a user exists; says whether it loaded. */
    public boolean loadIfFirstRun() {
        long started = System.nanoTime();
        DemoBook book = QuarkusTransaction.requiringNew().call(this::insertIntoEmptyDatabase);
        if (book == null) {
            LOG.info("Demo data: the database already has users, loading nothing");
            return false;
        }
        LOG.infof("Demo data loaded in %d ms (seed %d): %d accounts, %d contacts, %d deals, %d tasks, %d users:%n  %s",
                (System.nanoTime() - started) / 1_000_000, book.seed(), book.accounts().size(), book.contacts().size(),
                book.deals().size(), book.tasks().size(), book.users().size(), String.join("\n  ", DemoUsers.describe()));
        loaded.fire(new DemoCrmLoaded(book.seed()));
        return true;
    }

    /** In the caller's transaction: the book written, or null when the database already has users. */
    private DemoBook insertIntoEmptyDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from rep)");
                    ResultSet rs = any.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return null;
                }
            }
            DemoBook book = DemoBookGenerator.generate(config.seed(), LocalDate.now(clock));
            new DemoBookInserts(connection).insert(book);
            return book;
        }
    }
}
