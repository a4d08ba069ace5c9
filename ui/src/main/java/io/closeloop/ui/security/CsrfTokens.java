package io.closeloop.ui.security;

import io.closeloop.ui.config.UiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to the signed-in user: HMAC-SHA256 of the user name under a server key. A page
 * puts the token in a {@code meta} tag; the page scripts send it back in a header. A token survives
 * the form-auth cookie's periodic renewal, and another site cannot compute it.
 */
@ApplicationScoped
public class CsrfTokens {

    private final byte[] key;
    private final String header;

    public CsrfTokens(UiConfig config) {
        this.header = config.csrf().header();
        this.key = config.csrf().key().map(k -> {
            if (k.length() < 32) {
                throw new IllegalArgumentException("closeloop.ui.csrf.key must have at least 32 characters");
            }
            return k.getBytes(StandardCharsets.UTF_8);
        }).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    public String header() {
        return header;
    }

    public String forUser(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean valid(String username, String token) {
        return token != null && MessageDigest.isEqual(forUser(username).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
