package io.closeloop.actions.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Reconnect to RabbitMQ every second (instead of every ten), so an outage test ends quickly. */
public class BrokerOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rabbitmq-reconnect-interval", "1",
                "mp.messaging.outgoing.closeloop-events.network-recovery-interval", "500",
                "mp.messaging.incoming.actions-signals.network-recovery-interval", "500");
    }
}
