package io.closeloop.agents.score;

import io.closeloop.kernel.cli.Command;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@code ./closeloop churn-evaluate}: the churn model's held-out AUC and accuracy on the book in the database. Exit 65 when it cannot be evaluated. */
@ApplicationScoped
public class ChurnEvaluateCommand implements Command {

    private final ChurnScoring scoring;

    public ChurnEvaluateCommand(ChurnScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public String name() {
        return "churn-evaluate";
    }

    @Override
    public String summary() {
        return "evaluate the churn-risk model on a held-out split of accounts (closed renewals in the database)";
    }

    @Override
    public int run(String... args) {
        Optional<ChurnScoring.Evaluation> e = QuarkusTransaction.requiringNew().call(scoring::evaluate);
        if (e.isEmpty()) {
            System.err.println("Not enough closed renewals (both outcomes on both sides of the split) to evaluate the churn model.");
            return 65;
        }
        System.out.println(e.get().describe());
        return 0;
    }
}
