package io.closeloop.crm.demo;

import io.closeloop.kernel.cli.Command;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ./closeloop demo-users}: prints the demo users and their passwords. */
@ApplicationScoped
public class DemoUsersCommand implements Command {

    @Override
    public String name() {
        return "demo-users";
    }

    @Override
    public String summary() {
        return "print the demo users and their passwords";
    }

    @Override
    public int run(String... args) {
        DemoUsers.describe().forEach(System.out::println);
        return 0;
    }
}
