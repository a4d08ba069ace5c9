package io.closeloop.crm.demo;

import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.match.Normalize;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a {@link DemoBook} with batched JDBC inserts on a connection whose transaction the
 * caller owns. It keeps the invariants the entities keep: normalised names and e-mails as
 * {@link Normalize} makes them, consent times, and a stage history whose last entry is the
 * deal's stage, authored by the owner with source DEMO (which, as in {@code DealStageChanges},
 * publishes no change event). Passwords are hashed once per distinct password.
 */
public final class DemoBookInserts {

    private static final int BATCH = 500;

    private final Connection connection;

    public DemoBookInserts(Connection connection) {
        this.connection = connection;
    }

    public void insert(DemoBook book) throws SQLException {
        batch("insert into team (name) values (?)", book.teams(), (ps, team) -> ps.setString(1, team));
        Map<String, Long> teams = ids("select name, id from team");
        insertUsers(book.users(), teams);
        Map<String, Long> reps = ids("select username, id from rep");

        batch("insert into product (sku, name, family, description) values (?, ?, ?, ?)", book.products(), (ps, p) -> {
            ps.setString(1, p.sku());
            ps.setString(2, p.name());
            ps.setString(3, p.family());
            ps.setString(4, p.description());
        });
        Map<String, Long> products = ids("select sku, id from product");
        List<PriceRow> prices = new ArrayList<>();
        book.products().forEach(p -> p.prices().forEach(price -> prices.add(new PriceRow(products.get(p.sku()), price))));
        batch("insert into price_book_entry (product_id, currency, list_price, max_discount_pct) values (?, ?, ?, ?)",
                prices, (ps, row) -> {
                    ps.setLong(1, row.productId());
                    ps.setString(2, row.price().currency());
                    ps.setBigDecimal(3, row.price().listPrice());
                    ps.setBigDecimal(4, row.price().maxDiscountPct());
                });

        batch("insert into account (external_id, name, normalized_name, domain, industry, tier, annual_revenue, owner_id,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", book.accounts(), (ps, a) -> {
                    ps.setString(1, a.externalId());
                    ps.setString(2, a.name());
                    ps.setString(3, Normalize.companyName(a.name()));
                    ps.setString(4, a.domain());
                    ps.setString(5, a.industry());
                    ps.setString(6, a.tier().name());
                    ps.setBigDecimal(7, a.annualRevenue());
                    ps.setLong(8, reps.get(a.owner()));
                    ps.setObject(9, utc(a.createdAt()));
                    ps.setObject(10, utc(a.createdAt()));
                });
        Map<String, Long> accounts = ids("select external_id, id from account where external_id like 'demo-account-%'");
        List<ShareRow> shares = new ArrayList<>();
        book.accounts().forEach(a -> a.sharedWithTeams().forEach(
                team -> shares.add(new ShareRow(accounts.get(a.externalId()), teams.get(team)))));
        batch("insert into account_team_share (account_id, team_id) values (?, ?)", shares, (ps, share) -> {
            ps.setLong(1, share.accountId());
            ps.setLong(2, share.teamId());
        });

        insertContacts(book.contacts(), accounts);
        insertDeals(book.deals(), accounts, reps);
        insertTasks(book.tasks(), accounts, reps);
    }

    private void insertUsers(List<DemoUser> users, Map<String, Long> teams) throws SQLException {
        Map<String, String> hashes = users.stream().map(DemoUser::password).distinct()
                .collect(Collectors.toMap(Function.identity(), BcryptUtil::bcryptHash));
        String sql = "insert into rep (username, password_hash, full_name, email, role, team_id, manager_id,"
                + " discount_authority_pct) values (?, ?, ?, ?, ?, ?, ?, ?)";
        // managers (and the admin) first, so their reps can point at them
        List<DemoUser> managers = users.stream().filter(u -> u.manager() == null).toList();
        List<DemoUser> managed = users.stream().filter(u -> u.manager() != null).toList();
        Map<String, Long> managerIds = new HashMap<>();
        for (List<DemoUser> group : List.of(managers, managed)) {
            batch(sql, group, (ps, u) -> {
                ps.setString(1, u.username());
                ps.setString(2, hashes.get(u.password()));
                ps.setString(3, u.fullName());
                ps.setString(4, u.email());
                ps.setString(5, u.role().name());
                setId(ps, 6, u.team() == null ? null : teams.get(u.team()));
                setId(ps, 7, u.manager() == null ? null : managerIds.get(u.manager()));
                ps.setBigDecimal(8, u.discountAuthorityPct());
            });
            managerIds.putAll(ids("select username, id from rep"));
        }
    }

    private void insertContacts(List<DemoContact> contacts, Map<String, Long> accounts) throws SQLException {
        batch("insert into contact (external_id, account_id, first_name, last_name, email, normalized_email, phone, title,"
                + " email_consent, email_consent_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                contacts, (ps, c) -> {
                    Instant updated = c.consentAt() == null ? c.createdAt() : c.consentAt();
                    ps.setString(1, c.externalId());
                    ps.setLong(2, accounts.get(c.accountId()));
                    ps.setString(3, c.firstName());
                    ps.setString(4, c.lastName());
                    ps.setString(5, c.email());
                    ps.setString(6, Normalize.email(c.email()));
                    ps.setString(7, c.phone());
                    ps.setString(8, c.title());
                    ps.setString(9, c.consent().name());
                    ps.setObject(10, c.consentAt() == null ? null : utc(c.consentAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(11, utc(c.createdAt()));
                    ps.setObject(12, utc(updated));
                });
    }

    private void insertDeals(List<DemoDeal> deals, Map<String, Long> accounts, Map<String, Long> reps) throws SQLException {
        batch("insert into deal (external_id, account_id, name, stage, amount, currency, close_date, owner_id, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", deals, (ps, d) -> {
                    ps.setString(1, d.externalId());
                    ps.setLong(2, accounts.get(d.accountId()));
                    ps.setString(3, d.name());
                    ps.setString(4, d.stage().name());
                    ps.setBigDecimal(5, d.amount());
                    ps.setString(6, d.currency());
                    ps.setObject(7, d.closeDate());
                    ps.setLong(8, reps.get(d.owner()));
                    ps.setObject(9, utc(d.createdAt()));
                    ps.setObject(10, utc(d.history().get(d.history().size() - 1).at()));
                });
        Map<String, Long> ids = ids("select external_id, id from deal where external_id like 'demo-deal-%'");
        List<HistoryRow> changes = new ArrayList<>();
        deals.forEach(d -> d.history().forEach(change -> changes.add(
                new HistoryRow(ids.get(d.externalId()), reps.get(d.owner()), change))));
        batch("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at, changed_by_id, source)"
                + " values (?, ?, ?, ?, ?, ?)", changes, (ps, row) -> {
                    ps.setLong(1, row.dealId());
                    ps.setString(2, row.change().from() == null ? null : row.change().from().name());
                    ps.setString(3, row.change().to().name());
                    ps.setObject(4, utc(row.change().at()));
                    ps.setLong(5, row.authorId());
                    ps.setString(6, StageChangeSource.DEMO.name());
                });
    }

    private void insertTasks(List<DemoTask> tasks, Map<String, Long> accounts, Map<String, Long> reps) throws SQLException {
        Map<String, Long> deals = ids("select external_id, id from deal where external_id like 'demo-deal-%'");
        Map<String, Long> contacts = ids("select external_id, id from contact where external_id like 'demo-contact-%'");
        batch("insert into task (account_id, deal_id, contact_id, owner_id, subject, notes, due_date, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", tasks, (ps, t) -> {
                    ps.setLong(1, accounts.get(t.accountId()));
                    setId(ps, 2, t.dealId() == null ? null : deals.get(t.dealId()));
                    setId(ps, 3, t.contactId() == null ? null : contacts.get(t.contactId()));
                    ps.setLong(4, reps.get(t.owner()));
                    ps.setString(5, t.subject());
                    ps.setString(6, t.notes());
                    ps.setObject(7, t.dueDate());
                    ps.setObject(8, utc(t.createdAt()));
                    ps.setObject(9, utc(t.createdAt()));
                });
    }

    private record PriceRow(long productId, DemoProduct.Price price) {
    }

    private record ShareRow(long accountId, long teamId) {
    }

    private record HistoryRow(long dealId, long authorId, DemoStageChange change) {
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private <T> void batch(String sql, List<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Database ids by natural key, from a query selecting (key, id). */
    private Map<String, Long> ids(String sql) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static void setId(PreparedStatement ps, int index, Long id) throws SQLException {
        if (id == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, id);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
