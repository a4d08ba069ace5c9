package io.closeloop.guardrails.extract;

import io.closeloop.crm.match.Normalize;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds personal contact data in text: e-mail addresses (normalised) and phone numbers (digits only, 7 to 15). */
public final class ContactDataFinder {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w/])\\+?\\d[\\d\\s().-]{5,18}\\d(?![\\w/])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}");

    private ContactDataFinder() {
    }

    public static Set<String> emails(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                String email = Normalize.email(m.group());
                if (email != null) {
                    found.add(email);
                }
            }
        }
        return found;
    }

    public static Set<String> phones(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PHONE.matcher(text);
            while (m.find()) {
                String digits = phoneDigits(m.group());
                if (digits != null && !DATE.matcher(m.group().strip()).matches()) {
                    found.add(digits);
                }
            }
        }
        return found;
    }

    /** The digits of a phone number, or null when it is not one (too short or too long). */
    public static String phoneDigits(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        return digits.length() >= 7 && digits.length() <= 15 ? digits : null;
    }
}
