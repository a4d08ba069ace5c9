package io.closeloop.ui.security;

import io.closeloop.ui.config.UiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sidebar's allow-list of host origins, as CSP source expressions. The same list becomes the
 * {@code frame-ancestors} directive and the origin check of the {@code postMessage} protocol (the
 * page's script applies {@link #matches} with the same rules).
 */
@ApplicationScoped
public class HostOrigins {

    private static final Pattern SOURCE = Pattern.compile("'self'|https?://(\\*\\.)?[a-z0-9.-]+(:(\\d{1,5}|\\*))?");

    private final List<String> sources;

    public HostOrigins(UiConfig config) {
        this.sources = config.sidebar().hostOrigins().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String s : sources) {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("closeloop.ui.sidebar.host-origins: '" + s
                        + "' is not an origin such as https://acme.my.salesforce.com, https://*.hubspot.com or 'self'");
            }
        }
    }

    public List<String> sources() {
        return sources;
    }

    /** The {@code frame-ancestors} directive for the sidebar. */
    public String frameAncestors() {
        return "frame-ancestors " + (sources.isEmpty() ? "'none'" : String.join(" ", sources));
    }

    /** Whether a browser origin ({@code scheme://host[:port]}) is on the list; {@code 'self'} means {@code selfOrigin}. */
    public boolean matches(String origin, String selfOrigin) {
        return sources.stream().anyMatch(s -> s.equals("'self'") ? origin.equals(selfOrigin) : matchesSource(s, origin));
    }

    static boolean matchesSource(String source, String origin) {
        String regex = Pattern.quote(source)
                .replace("://*.", "://\\E[a-z0-9-]+(\\.[a-z0-9-]+)*\\.\\Q")
                .replace(":*", "\\E:\\d{1,5}\\Q");
        return Pattern.compile(regex).matcher(origin).matches();
    }

    /** The list as the page's script reads it (one source per line). */
    public String asText() {
        return sources.stream().collect(Collectors.joining("\n"));
    }
}
