package io.passerine.login.internal.grants;

import io.passerine.login.GrantException;
import io.passerine.login.GrantException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grant table through plain JDBC, every statement in auto-commit (no transaction is held across a provider
 * call). Portable SQL (H2, PostgreSQL): {@link #DDL}. A failure becomes a {@link GrantException} {@code STORE_FAILED}
 * naming the data source and what to do, never a value.
 */
final class GrantTable {

    /** The table ({@code %s}: its configured name); shipped in docs/grants.md too. */
    static final String DDL = "CREATE TABLE IF NOT EXISTS %s (user_id VARCHAR(64) NOT NULL PRIMARY KEY, "
            + "tokens VARCHAR(8192) NOT NULL, scopes VARCHAR(2048) NOT NULL, revoked BOOLEAN NOT NULL, "
            + "version BIGINT NOT NULL, lease_owner VARCHAR(64), lease_until BIGINT, updated_at BIGINT NOT NULL)";
    private static final String COLUMNS = "user_id, tokens, scopes, revoked, version, lease_owner, lease_until, "
            + "updated_at";

    private final Connections connections;
    private final String table;
    private final boolean create;
    private volatile boolean ready;

    GrantTable(Connections connections, String table, boolean create) {
        this.connections = connections;
        this.table = table;
        this.create = create;
    }

    Optional<GrantRow> find(String userId) {
        return run(userId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE user_id = ?")) {
                s.setString(1, userId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    /** A login's new tokens: inserted, or replacing the row (version + 1, not revoked, no lease). */
    void save(String userId, String sealed, Set<String> scopes, Instant now) {
        run(userId, c -> {
            if (update(c, "tokens = ?, scopes = ?, revoked = FALSE, version = version + 1, lease_owner = NULL, "
                    + "lease_until = NULL, updated_at = ? WHERE user_id = ?", sealed, String.join(" ", scopes),
                    now.toEpochMilli(), userId) == 1) {
                return null;
            }
            try {
                update(c, "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, FALSE, 1, NULL, NULL, ?)",
                        userId, sealed, String.join(" ", scopes), now.toEpochMilli());
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // another node inserted first (integrity violation): ours is the later login
                update(c, "tokens = ?, scopes = ?, revoked = FALSE, version = version + 1, lease_owner = NULL, "
                        + "lease_until = NULL, updated_at = ? WHERE user_id = ?", sealed, String.join(" ", scopes),
                        now.toEpochMilli(), userId);
            }
            return null;
        });
    }

    /** Takes the refresh lease of the row at {@code version}, if nobody holds a live one. */
    boolean lease(String userId, long version, String owner, Instant until, Instant now) {
        return run(userId, c -> update(c, "lease_owner = ?, lease_until = ? WHERE user_id = ? AND version = ? AND "
                + "revoked = FALSE AND (lease_until IS NULL OR lease_until <= ?)", owner, until.toEpochMilli(),
                userId, version, now.toEpochMilli()) == 1);
    }

    /** The leaseholder's refreshed tokens (version + 1, lease ended); false when the lease is no longer ours. */
    boolean storeRefreshed(String userId, String owner, String sealed, Set<String> scopes, Instant now) {
        return run(userId, c -> update(c, "tokens = ?, scopes = ?, version = version + 1, lease_owner = NULL, "
                + "lease_until = NULL, updated_at = ? WHERE user_id = ? AND lease_owner = ?", sealed,
                String.join(" ", scopes), now.toEpochMilli(), userId, owner) == 1);
    }

    /** The leaseholder found the grant revoked at the provider; false when the lease is no longer ours. */
    boolean markRevoked(String userId, String owner, Instant now) {
        return run(userId, c -> update(c, "revoked = TRUE, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                + "WHERE user_id = ? AND lease_owner = ?", now.toEpochMilli(), userId, owner) == 1);
    }

    /** Ends the lease without new tokens (a transient failure: the next caller tries again). */
    void release(String userId, String owner) {
        run(userId, c -> update(c, "lease_owner = NULL, lease_until = NULL WHERE user_id = ? AND lease_owner = ?",
                userId, owner));
    }

    boolean delete(String userId) {
        return run(userId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                s.setString(1, userId);
                return s.executeUpdate() == 1;
            }
        });
    }

    List<GrantRow> page(String afterUserId, int limit) {
        return run(null, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE user_id > ? ORDER BY user_id FETCH FIRST " + limit + " ROWS ONLY")) {
                s.setString(1, afterUserId == null ? "" : afterUserId);
                List<GrantRow> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(row(r));
                    }
                }
                return rows;
            }
        });
    }

    private int update(Connection c, String sql, Object... args) throws SQLException {
        String statement = sql.startsWith("INSERT") ? sql : "UPDATE " + table + " SET " + sql;
        try (PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return s.executeUpdate();
        }
    }

    private static GrantRow row(ResultSet r) throws SQLException {
        String scopes = r.getString(3);
        long leaseUntil = r.getLong(7);
        Instant until = r.wasNull() ? null : Instant.ofEpochMilli(leaseUntil);
        return new GrantRow(r.getString(1), r.getString(2), scopes.isEmpty() ? Set.of() : Set.of(scopes.split(" ")),
                r.getBoolean(4), r.getLong(5), r.getString(6), until, Instant.ofEpochMilli(r.getLong(8)));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String userId, Work<T> work) {
        try (Connection c = connections.open()) {
            if (!c.getAutoCommit()) {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    throw new GrantException(Reason.STORE_FAILED, userId, "The data source " + connections.name()
                            + " takes part in the caller's JTA transaction; the grant store commits each statement "
                            + "itself: configure it non-transactional (Liberty: transactional=\"false\", WildFly: "
                            + "jta=\"false\")", e);
                }
            }
            ensureTable(c);
            return work.run(c);
        } catch (SQLException e) {
            throw failure(userId, e);
        }
    }

    private void ensureTable(Connection c) throws SQLException {
        if (ready) {
            return;
        }
        if (create) {
            try (Statement s = c.createStatement()) {
                s.execute(String.format(DDL, table));
            } catch (SQLException e) {
                // two nodes creating at once: fine if it exists now (checked below)
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT user_id FROM " + table + " WHERE 1 = 0").close();
        }
        ready = true;
    }

    private GrantException failure(String userId, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what;
        if (state.equals("42S02") || state.equals("42S04") || state.equals("42P01") || state.equals("42S22") || state.equals("42703")) {
            what = "has no usable table " + table + " (SQLState " + state + "): set passerine.grants.create-table="
                    + "true or create it with the DDL in docs/grants.md";
        } else if (state.startsWith("08")) {
            what = "cannot be reached (SQLState " + state + "): is the database up?";
        } else {
            what = "failed (SQLState " + (state.isEmpty() ? "none" : state) + ", " + e.getClass().getSimpleName()
                    + ")";
        }
        return new GrantException(Reason.STORE_FAILED, userId, "The grant store " + connections.name() + " " + what,
                e);
    }
}
