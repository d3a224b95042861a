package io.passerine.bench;

import io.passerine.internal.cluster.Sealer;
import io.passerine.login.internal.grants.Connections;
import io.passerine.login.internal.grants.GrantStore;
import io.passerine.login.internal.grants.TokenCalls;
import io.passerine.login.internal.GrantedTokens;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 17: {@code UserGrants.accessToken(id)} with a valid token versus a plain {@code SELECT} by primary key, on an
 * in-memory H2 database (no network: the lower bound of any real database round trip). {@code cachedToken}: the
 * node's cache ({@code cache-ttl} 60 s); {@code uncachedToken}: {@code cache-ttl=0s}, so a {@code SELECT} by primary key
 * plus an AES-256-GCM open per call, each on a connection from H2's pool; {@code plainSelect}: the same {@code
 * SELECT} through plain JDBC on an open connection, nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrantStoreBenchmark {

    private static final String USER = "2244994945";
    private final String url = "jdbc:h2:mem:grantbench;DB_CLOSE_DELAY=-1";
    private GrantStore cached;
    private GrantStore uncached;
    private JdbcConnectionPool pool;
    private Connection plain;
    private PreparedStatement select;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        pool = JdbcConnectionPool.create(url, "", ""); // a pool, as a container DataSource is
        Connections h2 = new Connections() {
            @Override
            public Connection open() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public String name() {
                return "h2:mem";
            }
        };
        TokenCalls never = new TokenCalls() {
            @Override
            public GrantedTokens refresh(GrantedTokens current) {
                throw new IllegalStateException("the benchmark's token is valid: no refresh expected");
            }

            @Override
            public boolean revoke(GrantedTokens tokens) {
                return true;
            }
        };
        Clock clock = Clock.systemUTC();
        cached = new GrantStore(h2, "passerine_grants", true, new Sealer(List.of(key)), never, clock,
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
        uncached = new GrantStore(h2, "passerine_grants", true, new Sealer(List.of(key)), never, clock,
                Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(10));
        cached.save(USER, new GrantedTokens("AT-" + "x".repeat(80), clock.instant().plus(Duration.ofHours(2)),
                "RT-" + "y".repeat(80), Set.of("tweet.read", "users.read", "offline.access")));
        plain = DriverManager.getConnection(url);
        select = plain.prepareStatement("SELECT user_id, tokens, scopes, revoked, version, lease_owner, lease_until, "
                + "updated_at FROM passerine_grants WHERE user_id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        select.close();
        plain.close();
        pool.dispose();
    }

    @Benchmark
    public String cachedToken() {
        return cached.accessToken(USER).value();
    }

    @Benchmark
    public String uncachedToken() {
        return uncached.accessToken(USER).value();
    }

    /** The same row through plain JDBC, a pooled connection and a prepared statement per call (what the store does). */
    @Benchmark
    public String pooledSelect() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT user_id, tokens, "
                + "scopes, revoked, version, lease_owner, lease_until, updated_at FROM passerine_grants "
                + "WHERE user_id = ?")) {
            c.getAutoCommit();
            s.setString(1, USER);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(2);
            }
        }
    }

    /** The same row through plain JDBC on an open connection (a pool would hand one out like this). */
    @Benchmark
    public String plainSelect() throws SQLException {
        select.setString(1, USER);
        try (ResultSet r = select.executeQuery()) {
            r.next();
            return r.getString(2);
        }
    }
}
