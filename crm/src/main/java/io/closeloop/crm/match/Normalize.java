package io.closeloop.crm.match;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normal forms used to recognise the same company or person across sources: e-mail
 * addresses, web domains and company names ("ACME, Inc." and "Acme Inc" are one account).
 */
public final class Normalize {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
            "gmbh", "ag", "sa", "sas", "srl", "bv", "nv", "plc", "pty", "oy", "ab", "as", "spa", "kk", "lp", "llp");

    private Normalize() {
    }

    /** Lower-cased, trimmed address, or null when it is not an e-mail address. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.startsWith("mailto:")) {
            email = email.substring("mailto:".length());
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1 || email.contains(" ")
                || !email.substring(at + 1).contains(".")) {
            return null;
        }
        return email;
    }

    /** The domain of an e-mail address, or null. */
    public static String emailDomain(String rawEmail) {
        String email = email(rawEmail);
        return email == null ? null : email.substring(email.indexOf('@') + 1);
    }

    /** "https://www.Acme.com/about" becomes "acme.com"; null when nothing domain-like is left. */
    public static String domain(String raw) {
        if (raw == null) {
            return null;
        }
        String domain = raw.trim().toLowerCase(Locale.ROOT);
        domain = domain.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        int cut = indexOfAny(domain, "/?#:");
        if (cut >= 0) {
            domain = domain.substring(0, cut);
        }
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            return null;
        }
        return domain;
    }

    /** Company name without case, accents, punctuation or legal suffixes: "ACME, Inc." is "acme". */
    public static String companyName(String raw) {
        if (raw == null) {
            return "";
        }
        String name = DIACRITICS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        name = name.toLowerCase(Locale.ROOT).replace("&", " and ");
        String[] words = NON_ALNUM.matcher(name).replaceAll(" ").trim().split(" +");
        int end = words.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
            end--;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, end)).trim();
    }

    private static int indexOfAny(String text, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = text.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
