package io.closeloop.vectorstore.ingest.queue;

import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionConfig;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.ingest.InteractionJson;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The queue door of the ingestion pipeline: durable queue {@code vectorstore.interactions}
 * (bound to the {@code closeloop.interactions} topic exchange), one interaction object or an
 * array per message, acked by hand after the interactions are committed. A poison message (not
 * UTF-8, not JSON, an invalid interaction) goes to {@code vectorstore.interactions.dlq} with the
 * reason in a header, and the consumer moves on; the valid items of a partly bad array are
 * stored (a replay from the DLQ is idempotent). An unexpected failure (database down) is
 * requeued once after a pause; failing again, the message is dead-lettered with the error.
 */
@ApplicationScoped
public class InteractionQueueConsumer {

    public static final String CHANNEL = "interactions-in";
    private static final Logger LOG = Logger.getLogger(InteractionQueueConsumer.class);
    static final long RETRY_PAUSE_MS = 1000;

    private final IngestionPipeline pipeline;
    private final InteractionJson json;
    private final IngestionConfig config;
    private final DeadLetters deadLetters;

    public InteractionQueueConsumer(IngestionPipeline pipeline, InteractionJson json, IngestionConfig config, DeadLetters deadLetters) {
        this.pipeline = pipeline;
        this.json = json;
        this.config = config;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        String reason;
        try {
            reason = ingest(message.getPayload());
        } catch (ProblemException e) {
            reason = describe(e.getMessage(), e.errors());
        } catch (RuntimeException e) {
            boolean redelivered = message.getMetadata(IncomingRabbitMQMetadata.class).map(IncomingRabbitMQMetadata::isRedeliver).orElse(false);
            if (!redelivered) {
                LOG.warnf("Interaction message failed (%s); requeued for one more try", e.toString());
                pause();
                return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)));
            }
            reason = "failed twice while storing: " + e;
        }
        if (reason == null) {
            return message.ack();
        }
        String why = reason;
        return deadLetters.send(message, why)
                .thenCompose(confirmed -> {
                    LOG.infof("Interaction message dead-lettered: %s", why);
                    return message.ack();
                })
                .exceptionallyCompose(e -> {
                    LOG.errorf(e, "Could not dead-letter a message (%s); rejecting it to the broker's dead-letter exchange", why);
                    return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(false)));
                });
    }

    /** Stores what is valid; returns why the message is poison (null when all of it was stored). */
    private String ingest(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return "empty message";
        }
        InteractionJson.Parsed parsed = json.parse(payload, "message");
        if (parsed.items().size() > config.maxBatch()) {
            return "holds " + parsed.items().size() + " interactions; at most " + config.maxBatch() + " per message";
        }
        List<String> problems = new ArrayList<>();
        for (IngestResult result : pipeline.ingest(parsed, IngestPath.QUEUE, null)) {
            if (!result.stored()) {
                problems.add(item(parsed.batch(), result.index()) + describe(null, result.errors()));
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String item(boolean batch, int index) {
        return batch ? "item [" + index + "]: " : "";
    }

    private static String describe(String detail, List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            return detail;
        }
        return errors.stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining(", "));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
