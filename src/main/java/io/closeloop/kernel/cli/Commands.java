package io.closeloop.kernel.cli;

import io.quarkus.arc.All;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every {@link Command} bean of the application. Injecting them here (with {@code @All}) keeps
 * Quarkus from removing command beans that nothing else references, so a command needs no
 * annotation beyond its scope.
 */
@ApplicationScoped
@Unremovable // looked up by the application's main
public class Commands {

    private final List<Command> all;

    public Commands(@All List<Command> all) {
        this.all = all.stream().sorted(Comparator.comparing(Command::name)).toList();
    }

    public List<Command> all() {
        return all;
    }

    public Optional<Command> named(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
