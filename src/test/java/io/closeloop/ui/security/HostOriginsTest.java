package io.closeloop.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.ui.config.UiConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sidebar allow-list: CSP source expressions for frame-ancestors and the postMessage origin check. */
class HostOriginsTest {

    private static HostOrigins of(String... sources) {
        UiConfig.Sidebar sidebar = () -> List.of(sources);
        UiConfig config = new UiConfig() {
            public Sidebar sidebar() {
                return sidebar;
            }

            public Csrf csrf() {
                return null;
            }

            public Optional<String> llmBaseUrl() {
                return Optional.empty();
            }
        };
        return new HostOrigins(config);
    }

    @Test
    void wildcardSubdomainMatchesSubdomainsButNotLookalikes() {
        HostOrigins hosts = of("https://*.hubspot.com");
        assertThat(hosts.matches("https://app.hubspot.com", "https://closeloop")).isTrue();
        assertThat(hosts.matches("https://app-eu1.eu.hubspot.com", "https://closeloop")).isTrue();
        assertThat(hosts.matches("https://hubspot.com.evil.example", "https://closeloop")).isFalse();
        assertThat(hosts.matches("https://evilhubspot.com", "https://closeloop")).isFalse();
        assertThat(hosts.matches("http://app.hubspot.com", "https://closeloop")).isFalse();
    }

    @Test
    void exactOriginAndPortWildcard() {
        HostOrigins hosts = of("https://acme.lightning.force.com", "http://localhost:*");
        assertThat(hosts.matches("https://acme.lightning.force.com", "x")).isTrue();
        assertThat(hosts.matches("https://acme.lightning.force.com:8443", "x")).isFalse();
        assertThat(hosts.matches("https://other.lightning.force.com", "x")).isFalse();
        assertThat(hosts.matches("http://localhost:41234", "x")).isTrue();
        assertThat(hosts.matches("http://localhost.evil.example:41234", "x")).isFalse();
    }

    @Test
    void selfMeansTheServiceOrigin() {
        HostOrigins hosts = of("'self'");
        assertThat(hosts.matches("https://closeloop.example", "https://closeloop.example")).isTrue();
        assertThat(hosts.matches("https://crm.example", "https://closeloop.example")).isFalse();
        assertThat(hosts.frameAncestors()).isEqualTo("frame-ancestors 'self'");
    }

    @Test
    void frameAncestorsListsEverySourceAndEmptyListFramesNobody() {
        assertThat(of("'self'", "https://*.force.com").frameAncestors()).isEqualTo("frame-ancestors 'self' https://*.force.com");
        assertThat(of().frameAncestors()).isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void rejectsEntriesThatAreNotOriginsAtStart() {
        assertThatThrownBy(() -> of("https://crm.example/path")).hasMessageContaining("https://crm.example/path");
        assertThatThrownBy(() -> of("*")).hasMessageContaining("not an origin");
        assertThatThrownBy(() -> of("https://crm.example; script-src *")).hasMessageContaining("not an origin");
    }
}
