package io.closeloop.kernel.messaging;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends through an emitter whose channel has publisher confirms on, and completes when the broker
 * confirmed the message (or fails when it refused it). Waiting for the result is the caller's
 * choice; never wait on the emitter's own event-loop context.
 */
public final class Confirmed {

    private Confirmed() {
    }

    public static <T> CompletableFuture<Void> send(Emitter<T> emitter, T payload, Object metadata) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        emitter.send(Message.of(payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    confirmed.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    confirmed.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return confirmed;
    }
}
