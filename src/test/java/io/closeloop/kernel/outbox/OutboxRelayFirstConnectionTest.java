package io.closeloop.kernel.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The first events a freshly started service relays leave in id order too, even when the
 * connector's connection opens in the middle of the first batch and the events that waited for
 * it are handed over late (the order broke this way, by chance, in a loaded test run: the first
 * event to arrive was the 87th). {@link SlowHandOverProfile} makes that timing happen every time.
 */
@QuarkusTest
@TestProfile(SlowHandOverProfile.class)
class OutboxRelayFirstConnectionTest {

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Test
    void firstEventsRelayedAfterStartArriveInIdOrder() throws Exception {
        new RelayedBatch(outbox, json).arrivesOnceEachInIdOrderAndAllMarkedPublished(150);
    }
}
