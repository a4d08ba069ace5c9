package io.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Found by the PostgreSQL restart drill: while the database was down every write answered 500
 * ("our bug"); a connection failure is now a 503 problem with Retry-After, other errors stay 500.
 */
class DatabaseUnavailableTest {

    @Test
    void connectionFailureAnywhereInTheCausesIsUnavailableWithRetryAfter() {
        var refused = new PersistenceException("could not prepare statement",
                new RuntimeException(new SQLException("Connection to localhost:5432 refused", "08001")));
        var response = new ProblemMappers().unexpected(refused, null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");

        var shuttingDown = new PersistenceException(new SQLException("the database system is shutting down", "57P03"));
        assertThat(new ProblemMappers().unexpected(shuttingDown, null).getStatus()).isEqualTo(503);
    }

    @Test
    void otherErrorsStayInternal() {
        var constraint = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertThat(new ProblemMappers().unexpected(constraint, null).getStatus()).isEqualTo(500);
        assertThat(new ProblemMappers().unexpected(new IllegalStateException("bug"), null).getStatus()).isEqualTo(500);
    }
}
