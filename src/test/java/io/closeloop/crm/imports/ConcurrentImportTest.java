package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportApi.read;
import static io.closeloop.crm.imports.ImportApi.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two imports of the same companies at once: a company known only by its name is created once. */
@QuarkusTest
class ConcurrentImportTest {

    @Inject
    CrmFixtures fixtures;

    @Test
    void twoConcurrentImportsOfCompaniesWithoutDomainOrIdCreateEachOnce() throws Exception {
        Rep rep = fixtures.rep("concurrent", RepRole.REP, fixtures.team("concurrent"));
        String prefix = CrmFixtures.unique("Racing");
        List<String> names = IntStream.range(0, 40).mapToObj(i -> prefix + " Company " + i).toList();
        // The same companies in the same order (a file uploaded twice), the second spelling the legal suffix.
        String first = "name\n" + String.join("\n", names) + "\n";
        String second = "name\n" + String.join("\n", names.stream().map(n -> "\"" + n + ", Inc.\"").toList()) + "\n";

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> await(start, () -> upload(rep, "accounts", first)));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> await(start, () -> upload(rep, "accounts", second)));
        start.countDown();
        for (Response response : List.of(a.get(), b.get())) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            assertThat(response.jsonPath().getInt("rejected")).as(response.asString()).isZero();
        }

        for (String name : names) {
            long count = read(() -> Account.count("normalizedName = ?1",
                    io.closeloop.crm.match.Normalize.companyName(name)));
            assertThat(count).as(name).isEqualTo(1);
        }
    }

    private static Response await(CountDownLatch start, java.util.function.Supplier<Response> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get();
    }
}
