package io.closeloop.vectorstore.demo;

import java.util.List;

/** The CRM records the generator writes about: accounts with their contacts, owner and deals. */
public record DemoBook(List<DemoAccount> accounts, List<String> products) {

    public record DemoAccount(long id, String name, String domain, String ownerName, String ownerEmail, List<DemoContact> contacts,
            List<Long> dealIds) {
    }

    public record DemoContact(long id, String firstName, String email, String title) {
    }
}
