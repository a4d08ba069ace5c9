package io.closeloop.vectorstore.ingest;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an interaction's text into the chunks that are embedded: paragraphs, then lines,
 * sentences and words (LangChain4j's recursive splitter), with a small overlap. The subject is
 * put in front of the first chunk so a short e-mail is one chunk that carries its topic.
 */
@ApplicationScoped
public class Chunker {

    private final DocumentSplitter splitter;
    private final int maxChars;

    public Chunker(IngestionConfig config) {
        this.maxChars = config.chunkMaxChars();
        this.splitter = DocumentSplitters.recursive(config.chunkMaxChars(), config.chunkOverlapChars());
    }

    public List<String> chunks(String subject, String body) {
        String text = subject == null ? body : subject + "\n\n" + body;
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        for (TextSegment segment : splitter.split(Document.from(text))) {
            if (!segment.text().isBlank()) {
                chunks.add(segment.text());
            }
        }
        return chunks.isEmpty() ? List.of(text.substring(0, maxChars)) : chunks;
    }
}
