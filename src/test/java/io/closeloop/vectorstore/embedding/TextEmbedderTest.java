package io.closeloop.vectorstore.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedder's own ONNX sessions (one thread per embedding, no spinning workers) give the vectors
 * of LangChain4j's packaged models (up to float rounding): stored embeddings stay comparable with new ones.
 */
class TextEmbedderTest {

    static final List<String> TEXTS = List.of("Draft a follow-up to Dana Whitfield with the pricing she asked for",
            "We are freezing all budgets until January; please hold the renewal paperwork.", "SOC 2");

    @Test
    void bgeVectorsAreThoseOfThePackagedModel() {
        assertSameVectors(new TextEmbedder(TextEmbedder.BGE, 8, ""), new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    @Test
    void miniLmVectorsAreThoseOfThePackagedModel() {
        assertSameVectors(new TextEmbedder(TextEmbedder.MINILM, 8, ""), new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    static void assertSameVectors(TextEmbedder embedder, EmbeddingModel packaged) {
        for (String text : TEXTS) {
            float[] ours = embedder.embed(text);
            assertThat(ours).hasSize(TextEmbedder.DIMENSIONS);
            assertSame(ours, packaged.embed(text).content().vector());
        }
        List<float[]> batch = embedder.embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertSame(batch.get(i), packaged.embed(TEXTS.get(i)).content().vector());
        }
    }

    static void assertSame(float[] ours, float[] theirs) {
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).as("component %d", i).isCloseTo(theirs[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
