package io.closeloop.actions.feedback;

import java.util.Objects;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** How far an edited text is from its draft, as a normalised Levenshtein distance (Apache Commons Text). */
public final class EditDiff {

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private EditDiff() {
    }

    /** 0 when equal, 1 when nothing is shared; the distance divided by the longer length. */
    public static double normalisedDistance(String draft, String last) {
        String a = Objects.requireNonNullElse(draft, "");
        String b = Objects.requireNonNullElse(last, "");
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) LEVENSHTEIN.apply(a, b) / longer;
    }
}
