package io.closeloop.kernel.cli;

/**
 * A command-line command of the service ({@code ./closeloop <name> ...}), run inside the
 * application with its database and beans instead of the HTTP server. Implementations are
 * {@code @ApplicationScoped} beans; the application's main dispatches by {@link #name()}.
 */
public interface Command {

    /** The first word on the command line, e.g. {@code classifier}. */
    String name();

    /** One line for {@code ./closeloop help}. */
    String summary();

    /** Runs with the words after the name; returns the process exit code. */
    int run(String... args) throws Exception;
}
