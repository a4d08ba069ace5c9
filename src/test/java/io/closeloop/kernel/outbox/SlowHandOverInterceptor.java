package io.closeloop.kernel.outbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.OutgoingInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Test-only timing on the relay's channel, as a loaded machine produces it by chance: the relay
 * thread is slowed by {@value #SENDER_PAUSE_MS} ms per event, so a batch of 100 is still being
 * sent when the connector's connection (opened at the first event) is up; and any other thread
 * that reads an event's payload to publish it is slowed once by {@value #HAND_OVER_PAUSE_MS} ms, as
 * when the connector's thread that hands over the events that waited for the connection is
 * descheduled. Nothing else changes: the events go to the real broker. Enabled only by
 * {@link SlowHandOverProfile}.
 */
@Alternative
@ApplicationScoped
@Identifier(OutboxRelay.CHANNEL)
public class SlowHandOverInterceptor implements OutgoingInterceptor {

    static final long SENDER_PAUSE_MS = 10;
    static final long HAND_OVER_PAUSE_MS = 20;

    @Override
    public Message<?> beforeMessageSend(Message<?> message) {
        pause(SENDER_PAUSE_MS);
        return new SlowHandOver<>(message, Thread.currentThread(), new AtomicBoolean());
    }

    @Override
    public void onMessageAck(Message<?> message) {
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same message, whose payload is read slowly on any thread but the one that sent it. */
    private record SlowHandOver<T>(Message<T> delegate, Thread sender, AtomicBoolean pausedOnce) implements Message<T> {

        @Override
        public T getPayload() {
            if (Thread.currentThread() != sender) {
                if (pausedOnce.compareAndSet(false, true)) {
                    pause(HAND_OVER_PAUSE_MS); // once: the connector reads the payload several times
                }
            }
            return delegate.getPayload();
        }

        @Override
        public Metadata getMetadata() {
            return delegate.getMetadata();
        }

        @Override
        public Function<Metadata, CompletionStage<Void>> getAckWithMetadata() {
            return delegate.getAckWithMetadata();
        }

        @Override
        public BiFunction<Throwable, Metadata, CompletionStage<Void>> getNackWithMetadata() {
            return delegate.getNackWithMetadata();
        }

        @Override
        public Message<T> withAckWithMetadata(Function<Metadata, CompletionStage<Void>> ack) {
            return new SlowHandOver<>(delegate.withAckWithMetadata(ack), sender, pausedOnce);
        }

        @Override
        public Message<T> withNackWithMetadata(BiFunction<Throwable, Metadata, CompletionStage<Void>> nack) {
            return new SlowHandOver<>(delegate.withNackWithMetadata(nack), sender, pausedOnce);
        }

        @Override
        public Message<T> addMetadata(Object metadata) {
            return new SlowHandOver<>(delegate.addMetadata(metadata), sender, pausedOnce);
        }
    }
}
