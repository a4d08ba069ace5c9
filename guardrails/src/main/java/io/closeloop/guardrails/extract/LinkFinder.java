package io.closeloop.guardrails.extract;

import io.closeloop.crm.match.Normalize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/** Finds links ("https://...", "www....") with autolink-java and reduces each to its host domain. */
public final class LinkFinder {

    /** A link as written and its domain ("https://www.Acme.com/x" is "acme.com"). */
    public record Link(String url, String domain) {
    }

    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    private LinkFinder() {
    }

    public static List<Link> find(String text) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        for (LinkSpan span : LINKS.extractLinks(text)) {
            String url = text.substring(span.getBeginIndex(), span.getEndIndex());
            String domain = Normalize.domain(url);
            links.add(new Link(url, domain == null ? url : domain));
        }
        return links;
    }
}
