package io.passerine.sample.grants;

import static io.passerine.sample.grants.GrantNodes.PORT_A;
import static io.passerine.sample.grants.GrantNodes.PORT_B;
import static io.passerine.sample.grants.GrantNodes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.passerine.sample.EmulatorControl;
import io.passerine.sample.SampleLogin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Issue 17: two Liberty nodes and one PostgreSQL (Debian's, started on a free port), the stored grant's access token
 * due: 20 concurrent {@code accessToken(id)} calls over both nodes cause exactly 1 refresh at the emulator (X rotates
 * refresh tokens: a second refresh would fail). The table holds no token the emulator issued. Skip with
 * {@code -Dskip.postgres} (also skipped when no PostgreSQL server binaries are installed).
 */
@DisabledIfSystemProperty(named = "skip.postgres", matches = "true")
class GrantsClusterIT {

    static final EmulatorControl X = new EmulatorControl();
    static LocalPostgres pg;
    static GrantNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> bin = LocalPostgres.binaries();
        assumeTrue(bin.isPresent(), "no /usr/lib/postgresql/*/bin (server-config/install-postgres.sh)");
        pg = LocalPostgres.start(bin.get());
        nodes = new GrantNodes();
        try {
            nodes.start(pg);
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (nodes != null) {
                nodes.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Test
    void twentyCallsOverTwoNodesRefreshADueGrantExactlyOnce() throws Exception {
        X.reset();
        SampleLogin browser = new SampleLogin("pg_pat");
        HttpResponse<String> me = browser.get(node(PORT_A) + "/sample/me");
        assertEquals(200, me.statusCode(), me.body());
        String userId = browser.get(node(PORT_A) + "/sample/test/whoami").body();
        assertEquals(1, X.calls("/2/oauth2/token"), "the code exchange");

        X.advanceClock(7300); // the access token is due everywhere
        for (int port : new int[] {PORT_A, PORT_B}) {
            assertEquals(200, new SampleLogin("nobody").post(node(port) + "/sample/test/clock?advanceSeconds=7300", "")
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        Set<String> tokens = new HashSet<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String url = node(i % 2 == 0 ? PORT_A : PORT_B) + "/sample/test/token?user=" + userId;
                answers.add(pool.submit(() -> {
                    go.await();
                    return new SampleLogin("nobody").get(url);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                tokens.add(r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, X.calls("/2/oauth2/token"), "exactly one refresh for 20 calls over 2 nodes");
        assertEquals(1, tokens.size(), "every caller got the refreshed token: " + tokens);

        List<String> dump = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM passerine_grants")) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    dump.add(String.valueOf(r.getString(i)));
                }
            }
        }
        assertEquals(userId, dump.get(0));
        Matcher m = Pattern.compile("\"([^\"]{8,})\"").matcher(X.issued());
        int checked = 0;
        while (m.find()) {
            for (String v : dump) {
                assertFalse(v.contains(m.group(1)), "a raw SELECT shows a value the emulator issued");
            }
            checked++;
        }
        assertFalse(checked == 0);
    }
}
