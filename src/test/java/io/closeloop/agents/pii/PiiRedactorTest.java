package io.closeloop.agents.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor(() -> "US");

    @Test
    void replacesEmailPhoneCardIbanAndContactNamesWithStablePlaceholders() {
        PiiRedactor.Redactor r = redactor.begin(List.of(new Person("Dana", "Whitfield"), new Person("Omar", "Haddad")));
        String text = "Dana Whitfield (dana.whitfield@acme.example, +1 650-253-0000) paid with 4111 1111 1111 1111 "
                + "from DE89 3704 0044 0532 0130 00. Omar agreed; ask Dana again, cc DANA.WHITFIELD@acme.example.";

        String out = r.redact(text);

        assertThat(out).doesNotContain("Dana", "Whitfield", "Omar", "dana.whitfield", "650", "4111", "DE89");
        assertThat(out).startsWith("[PERSON_1] ([EMAIL_1], [PHONE_1]) paid with [CARD_1] from [IBAN_1].");
        assertThat(out).contains("[PERSON_2_FIRST] agreed; ask [PERSON_1_FIRST] again, cc [EMAIL_1].");
        assertThat(r.redaction().counts()).containsEntry(PiiKind.EMAIL, 2).containsEntry(PiiKind.PHONE, 1)
                .containsEntry(PiiKind.CARD, 1).containsEntry(PiiKind.IBAN, 1).containsEntry(PiiKind.PERSON, 3);
    }

    @Test
    void restoresOriginalsInModelOutputAndLeavesUnknownPlaceholders() {
        PiiRedactor.Redactor r = redactor.begin(List.of(new Person("Dana", "Whitfield")));
        r.redact("Write to Dana Whitfield at dana@acme.example");

        String restored = r.redaction().restore("Hi [PERSON_1_FIRST], I copied [EMAIL_1]. Regards to [PERSON_9].");

        assertThat(restored).isEqualTo("Hi Dana, I copied dana@acme.example. Regards to [PERSON_9].");
    }

    @Test
    void keepsNumbersThatFailTheirChecks() {
        PiiRedactor.Redactor r = redactor.begin(List.of());
        String text = "Order 4111 1111 1111 1112, IBAN DE89 3704 0044 0532 0130 01, amount 45000, PO 2026-11-22, ticket 12345.";

        assertThat(r.redact(text)).isEqualTo(text);
        assertThat(r.redaction().total()).isZero();
    }

    @Test
    void doesNotTouchNamesInsideOtherWords() {
        PiiRedactor.Redactor r = redactor.begin(List.of(new Person("Al", "Ng")));

        assertThat(r.redact("Alpha and Angola, not Al or Ng.")).isEqualTo("Alpha and Angola, not [PERSON_1_FIRST] or [PERSON_1_LAST].");
    }
}
