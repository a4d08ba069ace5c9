package io.closeloop.vectorstore.embedding;

import io.closeloop.kernel.cli.Command;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code ./closeloop vectors re-embed [--batch N]}: after a change of {@code closeloop.embedding.model},
 * re-embeds every stored chunk made by another model, printing progress after each batch.
 * Safe to stop and run again (it resumes); prints that nothing is to do when all chunks are current.
 */
@ApplicationScoped
public class ReEmbedCommand implements Command {

    static final int DEFAULT_BATCH = 256;

    private final ChunkReEmbedder reEmbedder;

    public ReEmbedCommand(ChunkReEmbedder reEmbedder) {
        this.reEmbedder = reEmbedder;
    }

    @Override
    public String name() {
        return "vectors re-embed";
    }

    @Override
    public String summary() {
        return "re-embed stored chunks made by another model than closeloop.embedding.model (resumable)";
    }

    @Override
    public int run(String... args) throws Exception {
        int batch = DEFAULT_BATCH;
        if (args.length == 2 && args[0].equals("--batch") && args[1].matches("[1-9][0-9]{0,4}")) {
            batch = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: vectors re-embed [--batch N]   (N from 1 to 99999, default " + DEFAULT_BATCH + ")");
            return 64;
        }
        long outdated = reEmbedder.outdated();
        if (outdated == 0) {
            System.out.println("All chunks are embedded by " + reEmbedder.model() + ": nothing to re-embed.");
            return 0;
        }
        System.out.printf(Locale.ROOT, "Re-embedding %,d chunks with %s in batches of %d (search uses only chunks of %s meanwhile)%n",
                outdated, reEmbedder.model(), batch, reEmbedder.model());
        long done = reEmbedder.run(batch, p -> System.out.printf(Locale.ROOT, "%3d%%  %,d / %,d chunks, %.1f chunks/s%n", p.percent(),
                p.done(), p.total(), p.perSecond()));
        long left = reEmbedder.outdated();
        System.out.printf(Locale.ROOT, "Re-embedded %,d chunks; %,d still outdated%s%n", done, left,
                left == 0 ? "" : " (changed while running: run again)");
        return left == 0 ? 0 : 1;
    }
}
