package io.closeloop.vectorstore.ingest.queue;

import io.closeloop.kernel.messaging.Confirmed;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes a poison message, unchanged, to the dead-letter queue with the reason in the
 * {@value #REASON} header, and waits for the broker's confirm (only then is the original acked).
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "interactions-dlq";
    public static final String REASON = "x-closeloop-reason";
    public static final String FAILED_AT = "x-closeloop-failed-at";
    public static final String ORIGINAL_ROUTING_KEY = "x-closeloop-original-routing-key";
    static final long CONFIRM_TIMEOUT_MS = 5000;

    private final Emitter<byte[]> emitter;

    public DeadLetters(@Channel(CHANNEL) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Completes when the broker confirmed the dead letter. Never wait for it on the consumer's
     * own thread: the confirm is delivered on the same (ordered) context, so waiting there blocks it.
     */
    public CompletionStage<Void> send(Message<byte[]> original, String reason) {
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withHeader(REASON, reason.length() > 4000 ? reason.substring(0, 4000) + "…" : reason)
                .withHeader(FAILED_AT, Instant.now().toString())
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now());
        original.getMetadata(IncomingRabbitMQMetadata.class).ifPresent(in -> {
            metadata.withHeader(ORIGINAL_ROUTING_KEY, in.getRoutingKey());
            in.getMessageId().ifPresent(metadata::withMessageId);
            in.getContentType().ifPresent(metadata::withContentType);
        });
        return Confirmed.send(emitter, original.getPayload(), metadata.build())
                .orTimeout(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
