package io.closeloop.guardrails.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds product-like names in text and fuzzy-matches them against the catalogue (Jaro-Winkler
 * similarity from Apache Commons Text). A product-like name is a run of capitalised words that
 * starts with a brand name ("Closeloop Forecast Pro", also after other capitalised words: "Demo
 * Closeloop Forecast Pro") or ends with a product word taken from the catalogue ("Pipeline Guard Edition"). A name whose best similarity is below the threshold is
 * reported unmatched: the catalogue has no such product. So is a name with a word the product's
 * name lacks ("Closeloop Forecast Lite"): an invented variant, however similar the whole string.
 * Generic words ("plan", "edition") do not count as such a word.
 */
public final class ProductMatcher {

    /** A product-like name at [start, end); {@code product} is the catalogue name it matched, or null. */
    public record Mention(String text, String product, double similarity, int start, int end) {
    }

    private static final Pattern CAPITALISED_RUN = Pattern.compile("\\b[A-Z][\\w+-]*(?:\\s+(?:[A-Z0-9][\\w+-]*))*");
    private static final Set<String> LEADING_NOISE = Set.of("our", "the", "a", "an", "your", "this", "that", "with", "and",
            "for", "hi", "hello", "dear", "thanks", "try", "new", "i", "we", "my", "its", "their", "both", "then", "also", "plus");
    private static final Set<String> GENERIC_PRODUCT_WORDS = Set.of("suite", "edition", "plan", "module", "add-on", "addon",
            "platform", "bundle", "package", "license", "licence", "tier");
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    /** How close one word must be to a word of the product's name (typos like "Forcast" pass). */
    private static final double WORD_SIMILARITY = 0.85;

    private final List<String> catalogue;
    private final List<String> normalizedCatalogue;
    private final Set<String> brands;
    private final Set<String> productWords;
    private final double threshold;

    public ProductMatcher(Collection<String> productNames, Collection<String> brandNames, double threshold) {
        this.catalogue = List.copyOf(productNames);
        this.normalizedCatalogue = catalogue.stream().map(ProductMatcher::normalize).toList();
        this.brands = new HashSet<>();
        brandNames.forEach(b -> brands.add(b.toLowerCase(Locale.ROOT)));
        this.productWords = new HashSet<>(GENERIC_PRODUCT_WORDS);
        for (String name : normalizedCatalogue) {
            String[] words = name.split(" ");
            productWords.add(words[words.length - 1]);
        }
        this.threshold = threshold;
    }

    public List<Mention> find(String text) {
        List<Mention> mentions = new ArrayList<>();
        if (text == null) {
            return mentions;
        }
        Matcher m = CAPITALISED_RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            int start = m.start();
            String[] words = run.split("\\s+");
            int first = 0;
            while (first < words.length && LEADING_NOISE.contains(words[first].toLowerCase(Locale.ROOT))) {
                start = text.indexOf(words[first], start) + words[first].length();
                first++;
            }
            // A brand inside the run starts the name: "Demo Closeloop Hyperdrive Ultra" names "Closeloop Hyperdrive Ultra"
            // (a capitalised verb or word before the brand hid the product before).
            int brand = first;
            while (brand < words.length && !brands.contains(words[brand].toLowerCase(Locale.ROOT))) {
                brand++;
            }
            if (brand < words.length - 1) {
                for (; first < brand; first++) {
                    start = text.indexOf(words[first], start) + words[first].length();
                }
            }
            if (words.length - first < 2) {
                continue;
            }
            String name = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
            String firstWord = words[first].toLowerCase(Locale.ROOT);
            String lastWord = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (!brands.contains(firstWord) && !productWords.contains(lastWord)) {
                continue;
            }
            int nameStart = text.indexOf(name, start);
            mentions.add(match(name, nameStart));
        }
        return mentions;
    }

    private Mention match(String name, int start) {
        String normalized = normalize(name);
        double best = 0;
        String product = null;
        for (int i = 0; i < catalogue.size(); i++) {
            double similarity = SIMILARITY.apply(normalized, normalizedCatalogue.get(i));
            // "Insights Pro" inside "Closeloop Insights Pro Plan": the catalogue name as a whole-word part counts fully
            if (similarity < 1 && (" " + normalized + " ").contains(" " + normalizedCatalogue.get(i) + " ")) {
                similarity = 1;
            }
            if (similarity > best) {
                best = similarity;
                product = catalogue.get(i);
            }
        }
        boolean matched = best >= threshold && everyWordIn(normalized, normalize(product));
        return new Mention(name, matched ? product : null, best, start, start + name.length());
    }

    /** True when each word of the mention, generic words aside, is (nearly) a word of the product's name. */
    private static boolean everyWordIn(String mention, String product) {
        String[] productWords = product.split(" ");
        for (String word : mention.split(" ")) {
            if (GENERIC_PRODUCT_WORDS.contains(word)) {
                continue;
            }
            boolean found = false;
            for (String p : productWords) {
                if (SIMILARITY.apply(word, p) >= WORD_SIMILARITY) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, hyphens dropped ("Add-on" is "addon"), other punctuation a space. */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replaceAll("[^a-z0-9+]+", " ").strip();
    }
}
