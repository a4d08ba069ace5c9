package io.closeloop.agents.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Replaces personal data with stable placeholders before any text reaches an LLM: e-mail
 * addresses (any plausible address; reserved test domains count too), phone numbers (found by
 * libphonenumber), card numbers (13 to 19 digits passing the Luhn check), bank account numbers
 * (IBANs passing the ISO 13616 check; both checks from commons-validator) and the names of the
 * given people. Numbers that fail their check (an order number that looks like a card) stay.
 */
@ApplicationScoped
public class PiiRedactor {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\d\\[_])\\d(?:[ -]?\\d){12,18}(?!\\d)");
    private static final int MIN_NAME = 2;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    public PiiRedactor(PiiConfig config) {
        this.region = config.defaultRegion().toUpperCase(Locale.ROOT);
    }

    /** A new redaction for one request; the people's names are replaced wherever they appear. */
    public Redactor begin(List<Person> people) {
        return new Redactor(new Redaction(), people);
    }

    /** Redacts the texts of one request with one shared mapping. */
    public final class Redactor {

        private final Redaction redaction;
        private final Pattern names;
        private final Map<String, String> placeholderByName = new LinkedHashMap<>();

        Redactor(Redaction redaction, List<Person> people) {
            this.redaction = redaction;
            int n = 0;
            for (Person person : people) {
                n++;
                String first = clean(person.firstName());
                String last = clean(person.lastName());
                if (first != null && last != null) {
                    name(first + " " + last, "[PERSON_" + n + "]");
                }
                if (first != null) {
                    name(first, "[PERSON_" + n + "_FIRST]");
                }
                if (last != null) {
                    name(last, "[PERSON_" + n + "_LAST]");
                }
            }
            List<String> keys = new ArrayList<>(placeholderByName.keySet());
            keys.sort(Comparator.comparingInt(String::length).reversed());
            this.names = keys.isEmpty() ? null
                    : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", keys.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        private void name(String value, String placeholder) {
            String key = value.toLowerCase(Locale.ROOT);
            if (!placeholderByName.containsKey(key)) {
                placeholderByName.put(key, placeholder);
                redaction.fixed(placeholder, value);
            }
        }

        public Redaction redaction() {
            return redaction;
        }

        public String redact(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String out = replace(text, EMAIL, m -> redaction.placeholder(PiiKind.EMAIL, m.toLowerCase(Locale.ROOT), m));
            out = replace(out, IBAN, m -> {
                String compact = m.replace(" ", "");
                return IBANValidator.getInstance().isValid(compact) ? redaction.placeholder(PiiKind.IBAN, compact, m) : null;
            });
            out = replace(out, CARD, m -> {
                String digits = m.replaceAll("[ -]", "");
                return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits) ? redaction.placeholder(PiiKind.CARD, digits, m) : null;
            });
            out = phones(out);
            if (names != null) {
                out = replace(out, names, m -> {
                    redaction.counted(PiiKind.PERSON);
                    return placeholderByName.get(m.toLowerCase(Locale.ROOT));
                });
            }
            return out;
        }

        private String phones(String text) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            for (PhoneNumberMatch match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                PhoneNumber number = match.number();
                String e164 = phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                out.append(text, at, match.start()).append(redaction.placeholder(PiiKind.PHONE, e164, match.rawString()));
                at = match.end();
            }
            return at == 0 ? text : out.append(text.substring(at)).toString();
        }
    }

    private static String replace(String text, Pattern pattern, Function<String, String> placeholder) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String replacement = placeholder.apply(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            changed |= replacement != null;
        }
        m.appendTail(out);
        return changed ? out.toString() : text;
    }

    private static String clean(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        return trimmed.length() < MIN_NAME ? null : trimmed;
    }
}
