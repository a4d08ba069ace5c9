package io.closeloop.crm.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole demo book of business as plain immutable values, made by {@link DemoBookGenerator}
 * and written by {@link DemoBookInserts}. Records refer to each other by external id
 * ({@code demo-account-0001}, ...) and users by username, never by database id.
 *
 * @param seed the seed it was generated from
 * @param asOf the day the book was generated for: every recorded time lies before its midnight (UTC)
 */
public record DemoBook(long seed, LocalDate asOf, List<String> teams, List<DemoUser> users,
        List<DemoProduct> products, List<DemoAccount> accounts, List<DemoContact> contacts,
        List<DemoDeal> deals, List<DemoTask> tasks) {

    public DemoBook {
        teams = List.copyOf(teams);
        users = List.copyOf(users);
        products = List.copyOf(products);
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
        tasks = List.copyOf(tasks);
    }
}
