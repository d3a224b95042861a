package io.passerine.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The "Schedule a post" items (issue 17), in the sample's own table next to Passerine's grants (the same data source,
 * {@code passerine.grants.data-source}: {@code jdbc/passerine} on Liberty, {@code java:/jdbc/passerine} on WildFly). A post goes PENDING → POSTING (claimed by exactly one timer: a conditional UPDATE) →
 * POSTED or FAILED.
 */
@ApplicationScoped
public class ScheduledPosts {

    /** One item; {@code note} is the tweet id once posted, or why it failed. */
    public record Post(String id, String userId, String text, Instant dueAt, String status, String note) {
    }

    private static final String DDL = "CREATE TABLE IF NOT EXISTS sample_scheduled_posts (id VARCHAR(36) NOT NULL "
            + "PRIMARY KEY, user_id VARCHAR(64) NOT NULL, text VARCHAR(1200) NOT NULL, due_at BIGINT NOT NULL, "
            + "status VARCHAR(12) NOT NULL, note VARCHAR(300))";

    @Inject
    @ConfigProperty(name = "passerine.grants.data-source")
    String dataSourceName;

    private volatile DataSource db;
    private volatile boolean ready;

    public Post schedule(String userId, String text, Instant dueAt) throws SQLException {
        Post p = new Post(UUID.randomUUID().toString(), userId, text, dueAt, "PENDING", null);
        update("INSERT INTO sample_scheduled_posts (id, user_id, text, due_at, status) VALUES (?, ?, ?, ?, ?)",
                p.id(), userId, text, dueAt.toEpochMilli(), p.status());
        return p;
    }

    public List<Post> of(String userId) throws SQLException {
        return query("SELECT id, user_id, text, due_at, status, note FROM sample_scheduled_posts WHERE user_id = ? "
                + "ORDER BY due_at DESC FETCH FIRST 50 ROWS ONLY", userId);
    }

    public List<Post> pending() throws SQLException {
        return query("SELECT id, user_id, text, due_at, status, note FROM sample_scheduled_posts "
                + "WHERE status = 'PENDING' ORDER BY due_at FETCH FIRST 1000 ROWS ONLY");
    }

    public Post find(String id) throws SQLException {
        List<Post> found = query("SELECT id, user_id, text, due_at, status, note FROM sample_scheduled_posts "
                + "WHERE id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** True for exactly one caller: the timer that may post it. */
    public boolean claim(String id) throws SQLException {
        return update("UPDATE sample_scheduled_posts SET status = 'POSTING' WHERE id = ? AND status = 'PENDING'",
                id) == 1;
    }

    public void finish(String id, boolean posted, String note) throws SQLException {
        update("UPDATE sample_scheduled_posts SET status = ?, note = ? WHERE id = ?", posted ? "POSTED" : "FAILED",
                note.length() > 300 ? note.substring(0, 300) : note, id);
    }

    /** Forgets the user's pending posts (they disconnected X). */
    public void cancelAll(String userId) throws SQLException {
        update("UPDATE sample_scheduled_posts SET status = 'FAILED', note = 'disconnected' WHERE user_id = ? "
                + "AND status = 'PENDING'", userId);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    private List<Post> query(String sql, Object... args) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Post> posts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    posts.add(new Post(r.getString(1), r.getString(2), r.getString(3),
                            Instant.ofEpochMilli(r.getLong(4)), r.getString(5), r.getString(6)));
                }
            }
            return posts;
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private Connection connection() throws SQLException {
        if (db == null) {
            try {
                db = InitialContext.doLookup(dataSourceName);
            } catch (NamingException e) {
                throw new SQLException("No DataSource at " + dataSourceName, "08001");
            }
        }
        Connection c = db.getConnection();
        if (!ready) {
            try (Statement s = c.createStatement()) {
                s.execute(DDL);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            ready = true;
        }
        return c;
    }
}
