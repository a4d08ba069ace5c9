package io.closeloop.vectorstore.demo;

import io.closeloop.vectorstore.interaction.InteractionInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes realistic sales conversations for the demo accounts, deterministically from a seed:
 * each account follows a story (healthy, expanding, renewing, at risk, churning) that decides
 * which topics come up (budget concerns, competitor mentions, requests for quotes, renewals,
 * complaints, scheduling), threads get replies from the account owner, churning accounts go
 * silent before they leave, and a share of messages come from senders the CRM does not know.
 */
public final class DemoInteractionGenerator {

    /** What happens to an account over the generated year. */
    public enum Story { HEALTHY, EXPANDING, RENEWING, AT_RISK, CHURNING }

    enum Topic { BUDGET, COMPETITOR, QUOTE, RENEWAL, COMPLAINT, SCHEDULING, ONBOARDING, CHURN }

    static final String[] COMPETITORS = { "Pipewise", "DealForge", "Vantage CRM", "Outreachly", "Quotient Sales Cloud" };
    static final String[] UNKNOWN_DOMAINS = { "northwind-logistics.io", "brightpath-advisory.com", "kestrel-labs.net",
            "gmail.com", "outlook.com", "harborview-partners.co" };
    static final String[] UNKNOWN_NAMES = { "Jordan Blake", "Priya Raman", "Tomás Ortega", "Mei Chen", "Sam Okafor", "Lena Fischer" };

    private final Random random;
    private final DemoBook book;
    private final Instant now;
    private final long seed;
    private int sequence;

    /** @param now the end of the generated history (the same now and seed give the same interactions) */
    public DemoInteractionGenerator(long seed, DemoBook book, Instant now) {
        this.seed = seed;
        this.random = new Random(seed * 31 + 7);
        this.book = book;
        this.now = now;
    }

    /** An interaction with the topic it was written about (UNKNOWN for unknown senders): labelled data for evaluations. */
    public record Labelled(InteractionInput input, String topic) {
    }

    public List<InteractionInput> generate(int count, double unknownShare) {
        return generateLabelled(count, unknownShare).stream().map(Labelled::input).toList();
    }

    public List<Labelled> generateLabelled(int count, double unknownShare) {
        List<Labelled> out = new ArrayList<>(count);
        if (book.accounts().isEmpty()) {
            return out;
        }
        List<Story> stories = pickStories(random, book.accounts().size());
        while (out.size() < count) {
            if (random.nextDouble() < unknownShare) {
                out.add(new Labelled(unknownSender(), "UNKNOWN"));
                continue;
            }
            int a = random.nextInt(book.accounts().size());
            thread(book.accounts().get(a), stories.get(a), out, count);
        }
        return out;
    }

    /**
     * The story of each of the book's accounts, in book order, as {@link #generate} assigns them (the
     * first draws of the same seeded stream): what {@link DemoChurnOutcomes} turns into renewal outcomes.
     */
    public static List<Story> stories(long seed, int accounts) {
        return pickStories(new Random(seed * 31 + 7), accounts);
    }

    private static List<Story> pickStories(Random random, int accounts) {
        Story[] options = { Story.HEALTHY, Story.HEALTHY, Story.EXPANDING, Story.RENEWING, Story.AT_RISK, Story.CHURNING };
        List<Story> stories = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            stories.add(options[random.nextInt(options.length)]);
        }
        return stories;
    }

    private void thread(DemoBook.DemoAccount account, Story story, List<Labelled> labelled, int count) {
        Topic topic = topicFor(story);
        List<InteractionInput> out = new ArrayList<>();
        threadOf(topic, account, story == Story.CHURNING, out, count - labelled.size());
        out.forEach(i -> labelled.add(new Labelled(i, topic.name())));
    }

    private void threadOf(Topic topic, DemoBook.DemoAccount account, boolean churning, List<InteractionInput> out, int count) {
        DemoBook.DemoContact contact = account.contacts().isEmpty() ? null : account.contacts().get(random.nextInt(account.contacts().size()));
        // Churning accounts go quiet: nothing in their last 45 days.
        long quietDays = churning ? 45 : 0;
        Instant start = now.minus(Duration.ofDays(quietDays + random.nextInt(360 - (int) quietDays)))
                .minus(Duration.ofMinutes(random.nextInt(600)));
        String product = book.products().isEmpty() ? "Closeloop Suite" : book.products().get(random.nextInt(book.products().size()));
        String competitor = pick(COMPETITORS);
        String threadId = "demo-thread-" + seed + "-" + sequence;
        String[] opening = opening(topic, contact, account, product, competitor, start);
        String channel = random.nextInt(10) < 7 ? "EMAIL" : random.nextBoolean() ? "CALL" : random.nextInt(3) == 0 ? "CHAT" : "MEETING";
        if (!channel.equals("EMAIL")) {
            out.add(input(channel, channel.equals("CHAT") ? "INBOUND" : "INTERNAL", start, account, contact, topic, opening[0],
                    note(channel, contact, opening[1]), null, null, null));
            return;
        }
        Instant at = start;
        out.add(input("EMAIL", "INBOUND", at, account, contact, topic, opening[0], opening[1], threadId,
                contact == null ? null : contact.email(), null));
        int replies = random.nextInt(4);
        for (int r = 0; r < replies && out.size() < count; r++) {
            at = at.plus(Duration.ofHours(2 + random.nextInt(70)));
            if (at.isAfter(now)) {
                break;
            }
            boolean ours = r % 2 == 0;
            String body = ours ? reply(topic, contact, account, product) : followUp(topic, contact, competitor);
            out.add(input("EMAIL", ours ? "OUTBOUND" : "INBOUND", at, account, contact, topic, "Re: " + opening[0], body, threadId,
                    ours ? account.ownerEmail() : contact == null ? null : contact.email(),
                    ours && contact != null ? contact.email() : null));
        }
    }

    private InteractionInput input(String channel, String direction, Instant at, DemoBook.DemoAccount account,
            DemoBook.DemoContact contact, Topic topic, String subject, String body, String threadId, String from, String to) {
        Long deal = !account.dealIds().isEmpty() && (topic == Topic.QUOTE || topic == Topic.RENEWAL) ? account.dealIds().get(0) : null;
        boolean emailMatch = channel.equals("EMAIL") && contact != null;
        return new InteractionInput("demo-" + seed + "-" + (sequence++), "demo", channel, direction, at.toString(),
                emailMatch ? null : account.id(), null, deal, subject, body, threadId, from,
                direction.equals("OUTBOUND") ? account.ownerName() : contact == null ? null : contact.firstName(),
                to == null ? List.of() : List.of(to), account.name());
    }

    private InteractionInput unknownSender() {
        String name = pick(UNKNOWN_NAMES);
        String domain = pick(UNKNOWN_DOMAINS);
        String email = name.toLowerCase().replace(" ", ".").replace("á", "a") + "@" + domain;
        String company = domain.startsWith("gmail") || domain.startsWith("outlook") ? null
                : capitalize(domain.substring(0, domain.indexOf('.')).replace('-', ' '));
        Instant at = now.minus(Duration.ofDays(random.nextInt(120))).minus(Duration.ofMinutes(random.nextInt(900)));
        String[] message = pick(new String[][] {
                { "Question about pricing", "Hi, I came across your product at a conference. Could you send pricing for a team of "
                        + (5 + random.nextInt(40)) + " sellers? We currently track deals in spreadsheets." },
                { "Partnership inquiry", "Hello, we are a consultancy helping mid-market firms with sales operations and would like "
                        + "to discuss a referral partnership. Who is the right person to talk to?" },
                { "Demo request", "Hi there, our VP of Sales asked me to set up a demo for next week. Tuesday or Wednesday "
                        + "afternoon would work best for us." },
                { "Invoice question", "Hello, I received an invoice but I cannot find our account number on it. Can you tell me "
                        + "which entity this is billed to?" } });
        return new InteractionInput("demo-" + seed + "-" + (sequence++), "demo", "EMAIL", "INBOUND", at.toString(), null, null, null,
                message[0], message[1], null, email, name, List.of(), company);
    }

    private Topic topicFor(Story story) {
        return switch (story) {
            case HEALTHY -> pick(Topic.SCHEDULING, Topic.ONBOARDING, Topic.QUOTE, Topic.SCHEDULING, Topic.COMPLAINT);
            case EXPANDING -> pick(Topic.QUOTE, Topic.QUOTE, Topic.SCHEDULING, Topic.ONBOARDING, Topic.COMPETITOR);
            case RENEWING -> pick(Topic.RENEWAL, Topic.RENEWAL, Topic.BUDGET, Topic.QUOTE, Topic.SCHEDULING);
            case AT_RISK -> pick(Topic.BUDGET, Topic.COMPETITOR, Topic.COMPLAINT, Topic.COMPLAINT, Topic.RENEWAL);
            case CHURNING -> pick(Topic.COMPLAINT, Topic.COMPETITOR, Topic.BUDGET, Topic.CHURN, Topic.CHURN);
        };
    }

    private String[] opening(Topic topic, DemoBook.DemoContact c, DemoBook.DemoAccount a, String product, String competitor, Instant at) {
        String hi = "Hi " + (a.ownerName() == null ? "there" : a.ownerName().split(" ")[0]) + ",\n\n";
        String sign = "\n\nBest,\n" + (c == null ? "The " + a.name() + " team" : c.firstName() + (c.title() == null ? "" : "\n" + c.title()))
                + "\n" + a.name();
        int seats = 10 + random.nextInt(190);
        int quarter = 1 + random.nextInt(4);
        return switch (topic) {
            case BUDGET -> pick(new String[][] {
                    { "Budget freeze for Q" + quarter, hi + "Our CFO has frozen all new software spend for Q" + quarter
                            + ". We still like " + product + ", but I cannot get the purchase order approved until the budget review. "
                            + "Is there any flexibility on payment terms or a smaller starting package?" + sign },
                    { "Cost concerns before we expand", hi + "Leadership is asking every team to cut costs by 15% this year. Before we "
                            + "add more seats of " + product + " I need to show the return on what we already pay. Could you help us "
                            + "put together usage numbers?" + sign } });
            case COMPETITOR -> pick(new String[][] {
                    { "Comparing options", hi + "Full transparency: " + competitor + " offered us a 30% lower price for a similar "
                            + "package. We prefer your forecasting, but procurement wants a comparison. Can you explain how "
                            + product + " differs?" + sign },
                    { "Evaluation of " + competitor, hi + "Our new sales director used " + competitor + " at her previous company "
                            + "and asked us to run a pilot with them next month. I wanted you to hear it from me first." + sign } });
            case QUOTE -> pick(new String[][] {
                    { "Request for quote: " + seats + " seats", hi + "We would like a quote for " + seats + " seats of " + product
                            + " on an annual contract, including onboarding for two regional teams. Please include volume discounts."
                            + sign },
                    { "Pricing for the EMEA team", hi + "The EMEA team wants to join. Could you send pricing for " + seats
                            + " additional users of " + product + " and the timeline to get them live?" + sign } });
            case RENEWAL -> pick(new String[][] {
                    { "Renewal of our contract", hi + "Our contract for " + product + " ends on "
                            + at.plus(Duration.ofDays(60 + random.nextInt(60))).toString().substring(0, 10)
                            + ". We plan to renew but want to review the seat count and move to a two-year term." + sign },
                    { "Renewal paperwork", hi + "Legal needs the renewal order form and the updated data processing agreement "
                            + "before the end of the month. Can you send both?" + sign } });
            case COMPLAINT -> pick(new String[][] {
                    { "Sync failures since the last update", hi + "Since last week's update the calendar sync has failed every "
                            + "night and our reps are entering meetings by hand. This is the third issue this quarter and the team is "
                            + "frustrated. We need a fix and a root cause." + sign },
                    { "Support ticket still open", hi + "Our support ticket about slow report exports has been open for nine days "
                            + "without a real answer. This is not the service level we signed up for." + sign } });
            case SCHEDULING -> pick(new String[][] {
                    { "Moving Thursday's call", hi + "Something came up on Thursday. Could we move our quarterly review to Friday "
                            + "at 10:00 or early next week?" + sign },
                    { "Workshop dates", hi + "For the onboarding workshop, the team is free on the 14th or the 21st. Which works "
                            + "for your solutions engineer?" + sign } });
            case ONBOARDING -> pick(new String[][] {
                    { "Question about forecasting views", hi + "Two of our managers asked how to build a forecast view per region "
                            + "in " + product + ". Is there a guide or could someone walk them through it?" + sign },
                    { "Great first month", hi + "Quick note: adoption has been great, 90% of the team logs in daily and pipeline "
                            + "reviews take half the time. Thanks for the help with the rollout." + sign } });
            case CHURN -> pick(new String[][] {
                    { "Decision on next year", hi + "After a long internal discussion we have decided not to renew " + product
                            + ". We are consolidating tools and will move to " + competitor + " at the end of the term. Please "
                            + "let us know how to export our data." + sign },
                    { "Cancelling our subscription", hi + "Please treat this as notice that we will not continue after the current "
                            + "term. The recent outages and the price increase made it hard to justify internally." + sign } });
        };
    }

    private String reply(Topic topic, DemoBook.DemoContact c, DemoBook.DemoAccount a, String product) {
        String hi = "Hi " + (c == null ? "team" : c.firstName()) + ",\n\n";
        String sign = "\n\nBest regards,\n" + a.ownerName();
        return switch (topic) {
            case BUDGET -> hi + "Understood, thanks for telling me early. We can split the payment quarterly or start with a "
                    + "smaller package and expand after your budget review. I will send both options." + sign;
            case COMPETITOR -> hi + "Thanks for being open about it. I will put together a side-by-side comparison, including the "
                    + "forecasting accuracy numbers from customers your size, and I can arrange a reference call." + sign;
            case QUOTE -> hi + "Thank you! I am preparing the quote for " + product + " with the volume tier applied and will send "
                    + "it by tomorrow, together with an onboarding plan." + sign;
            case RENEWAL -> hi + "Happy to help with the renewal. I will send the order form and the DPA today and we can review "
                    + "seat usage on a short call." + sign;
            case COMPLAINT -> hi + "I am sorry about this. I have escalated it to our support lead and engineering, and I will "
                    + "update you daily until it is fixed." + sign;
            case SCHEDULING -> hi + "No problem, Friday at 10:00 works. I have sent an updated invite." + sign;
            case ONBOARDING -> hi + "Great question; I have booked a 30 minute session with our solutions engineer and attached "
                    + "the guide." + sign;
            case CHURN -> hi + "I am sorry to hear that. Before you decide finally, could we have 20 minutes to understand what "
                    + "went wrong? Either way, I will send the export instructions." + sign;
        };
    }

    private String followUp(Topic topic, DemoBook.DemoContact c, String competitor) {
        String sign = "\n\nThanks,\n" + (c == null ? "" : c.firstName());
        return switch (topic) {
            case BUDGET -> "Quarterly payments would help a lot. Can you send the revised proposal so I can take it to finance?" + sign;
            case COMPETITOR -> "A reference call would help. To be honest, price is the main argument for " + competitor
                    + " internally." + sign;
            case QUOTE -> "Thanks for the quote. Can you check whether the 15% discount is possible if we sign this month?" + sign;
            case RENEWAL -> "Thanks, legal is reviewing the order form now. We expect to sign next week." + sign;
            case COMPLAINT -> "Any update? The sync failed again last night and my team is losing patience." + sign;
            case SCHEDULING -> "Perfect, see you Friday." + sign;
            case ONBOARDING -> "Thanks, the session was very useful." + sign;
            case CHURN -> "We can do a short call, but the decision is made. Please send the export instructions." + sign;
        };
    }

    private String note(String channel, DemoBook.DemoContact c, String message) {
        String who = c == null ? "the customer" : c.firstName() + (c.title() == null ? "" : " (" + c.title() + ")");
        String prefix = switch (channel) {
            case "CALL" -> "Call notes with " + who + ": ";
            case "MEETING" -> "Meeting summary with " + who + ": ";
            default -> "";
        };
        String body = message.replaceAll("(?s)^Hi [^,]*,\\s*", "").replaceAll("(?s)\\s*Best,.*$", "");
        return prefix + body;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalize(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }
}
