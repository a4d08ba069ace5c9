package io.closeloop.guardrails.extract;

import io.closeloop.crm.match.Normalize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Finds links ("https://...", "www....") with autolink-java, plus bare domains with a common
 * top-level domain ("evil.example/offer", "closeloop.io"), and reduces each to its host domain.
 * Dotted names like "Node.js" and e-mail addresses are not links.
 */
public final class LinkFinder {

    /** A link as written and its domain ("https://www.Acme.com/x" is "acme.com"). */
    public record Link(String url, String domain) {
    }

    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    private static final Pattern BARE_DOMAIN = Pattern.compile(
            "(?<![@\\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:com|net|org|io|co|ai|app|dev|biz|info|ly|me|xyz|example|us|uk|de|fr|eu))"
                    + "(?:/[^\\s)\\]]*)?(?![\\w@-])", Pattern.CASE_INSENSITIVE);

    private LinkFinder() {
    }

    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        List<int[]> spans = new ArrayList<>();
        for (LinkSpan span : LINKS.extractLinks(text)) {
            String url = text.substring(span.getBeginIndex(), span.getEndIndex());
            String domain = Normalize.domain(url);
            links.add(new Link(url, domain == null ? url : domain));
            spans.add(new int[] { span.getBeginIndex(), span.getEndIndex() });
        }
        Matcher m = BARE_DOMAIN.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (spans.stream().noneMatch(s -> s[0] <= start && start < s[1])) {
                String url = m.group().replaceAll("[.,;:!?]+$", "");
                links.add(new Link(url, Normalize.domain(url)));
            }
        }
        return links;
    }
}
