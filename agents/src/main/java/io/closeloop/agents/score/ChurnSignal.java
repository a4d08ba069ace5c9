package io.closeloop.agents.score;

/**
 * What a customer's message may say that bears on churn, detected by keyword patterns
 * (PostgreSQL case-insensitive regular expressions over subject and body) in inbound e-mails and
 * chats and in call and meeting notes; our own outbound messages are not counted. Keywords rather
 * than embedding prototypes: every count is reproducible, the evidence is exactly the messages
 * that match, and a rep can see why a message was counted.
 */
enum ChurnSignal {
    COMPLAINT("complaint", "a complaint or a support problem",
            "(fail(s|ed|ing|ures?)?\\M|outage|frustrat|losing patience|service level|ticket|broken|\\mbugs?\\M|escalat|not working)"),
    COMPETITOR("competitor", "a competitor or an alternative",
            "(competitor|cheaper|lower price|\\mpilot with|switch(ing)? to|move to|alternative|evaluation of|compar(e|ing|ison))"),
    BUDGET("budget", "budget or cost pressure",
            "(budget|cut costs|cost concerns|\\mspend\\M|frozen|freeze|price increase|payment terms)"),
    CANCELLATION("cancellation", "not renewing or cancelling",
            "(not (to )?renew|cancel|will not continue|not continue after|notice|export (our|the) data|terminat)");

    final String key;
    final String words;
    final String pattern;

    ChurnSignal(String key, String words, String pattern) {
        this.key = key;
        this.words = words;
        this.pattern = pattern;
    }

    /** The feature name: {@code complaint_mentions_180d}. */
    String feature() {
        return key + "_mentions_" + ChurnFeatures.MENTION_DAYS + "d";
    }
}
