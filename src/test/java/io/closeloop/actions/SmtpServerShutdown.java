package io.closeloop.actions;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops the test SMTP server with the application, so the next test application can bind its port. */
@ApplicationScoped
public class SmtpServerShutdown {

    void onStop(@Observes ShutdownEvent event) {
        SmtpServer.stop();
    }
}
