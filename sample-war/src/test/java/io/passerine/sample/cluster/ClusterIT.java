package io.passerine.sample.cluster;

import static io.passerine.sample.cluster.ClusterNodes.EMULATOR;
import static io.passerine.sample.cluster.ClusterNodes.PORT_A;
import static io.passerine.sample.cluster.ClusterNodes.PORT_B;
import static io.passerine.sample.cluster.ClusterNodes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Passerine on a two-node Open Liberty cluster (no sticky sessions): node A on 9280, node B on
 * 9281, sessions and Passerine's shared state in embedded Hazelcast (JCache). Skip with {@code -Dskip.cluster}.
 */
@DisabledIfSystemProperty(named = "skip.cluster", matches = ".*")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String TOKEN = "/2/oauth2/token";
    static final String APP_TOKEN = "/oauth2/token";
    static final String INVALIDATE = "/oauth2/invalidate_token";
    static ClusterNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = new ClusterNodes();
        try {
            nodes.start();
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void hundredCallersOverBothNodesAtColdStartCauseOneAppOnlyTokenRequest() throws Exception {
        Client.emulator("POST", "/_control/reset");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String url = node(i % 2 == 0 ? PORT_A : PORT_B) + "/sample/api/cluster-probe/token";
                answers.add(pool.submit(() -> {
                    go.await();
                    return new Client().get(url);
                }));
            }
            go.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                tokens.add(r.body());
            }
            assertEquals(1, tokens.size(), "every caller on both nodes got the same token");
            assertEquals(1, Client.count(APP_TOKEN), "exactly one token request at the provider");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void invalidateOnAIsSeenByBWithOneNewTokenRequest() throws Exception {
        String before = new Client().get(node(PORT_B) + "/sample/api/cluster-probe/token").body();
        long requests = Client.count(APP_TOKEN);
        assertEquals(200, new Client().post(node(PORT_A) + "/sample/api/cluster-probe/invalidate").statusCode());
        assertEquals(1, Client.count(INVALIDATE));
        HttpResponse<String> tweets = new Client().get(node(PORT_B) + "/sample/api/tweets?ids=1261326399320715264");
        assertEquals(200, tweets.statusCode(), tweets.body());
        String after = new Client().get(node(PORT_B) + "/sample/api/cluster-probe/token").body();
        assertNotEquals(before, after, "B uses a new token");
        assertEquals(after, new Client().get(node(PORT_A) + "/sample/api/cluster-probe/token").body());
        assertEquals(requests + 1, Client.count(APP_TOKEN), "one extra token request, cluster-wide");
    }

    @Test
    @Order(3)
    void loginStartedOnACompletesOnBStaysOnAAndTheCallbackCannotBeReplayed() throws Exception {
        login(PORT_A, PORT_B);
    }

    @Test
    @Order(4)
    void loginStartedOnBCompletesOnAAndTheCallbackCannotBeReplayedOnB() throws Exception {
        login(PORT_B, PORT_A);
    }

    /**
     * Checklist row 15 across nodes: one session replicated to both nodes holds a rotating refresh token that only one
     * node may spend. 20 concurrent requests over both nodes find the access token inside the refresh skew; X sees
     * exactly one refresh (a second one would spend the rotated token and fail) and every request succeeds.
     */
    @Test
    @Order(5)
    void expiringTokensOfOneSessionAreRefreshedOnceForTheWholeCluster() throws Exception {
        Client.emulator("POST", "/_control/reset");
        io.passerine.sample.EmulatorControl emulator = new io.passerine.sample.EmulatorControl();
        emulator.configure("{\"accessTokenLifetimeSeconds\":61}"); // the skew is 60 s: due in one second
        Client browser = new Client();
        HttpResponse<String> start = browser.get(node(PORT_A) + "/sample/timeline");
        assertEquals(302, start.statusCode());
        String callback = browser.consent(start.headers().firstValue("Location").orElseThrow(), "refresh_user");
        assertEquals(302, browser.get(callback).statusCode());
        assertEquals(200, browser.get(node(PORT_B) + "/sample/me").statusCode(), "the session reached node B");
        assertEquals(1, Client.count(TOKEN));
        emulator.configure("{\"accessTokenLifetimeSeconds\":7200}"); // the refreshed token is good for long
        Thread.sleep(1_500);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String url = node(i % 2 == 0 ? PORT_A : PORT_B) + "/sample/timeline";
                answers.add(pool.submit(() -> {
                    go.await();
                    return browser.get(url);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("@refresh_user"), r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, Client.count(TOKEN), "the login and exactly one refresh, cluster-wide");
        assertEquals(20, Client.count("/2/tweets"));
    }

    /**
     * Issue 18: the nodes run {@code writeContents="ONLY_SET_ATTRIBUTES"}, so a request that only reads the session
     * writes nothing back, and a change reaches the other nodes only because the library re-sets the attribute
     * ({@code LoginSessions.touch}). A refresh on node A must be what node B then reads from the session.
     */
    @Test
    @Order(6)
    void aRefreshOnNodeAIsWhatNodeBReadsFromTheSession() throws Exception {
        Client.emulator("POST", "/_control/reset");
        io.passerine.sample.EmulatorControl emulator = new io.passerine.sample.EmulatorControl();
        emulator.configure("{\"accessTokenLifetimeSeconds\":30}"); // inside the 60 s skew: due at once
        Client browser = new Client();
        HttpResponse<String> start = browser.get(node(PORT_A) + "/sample/me");
        assertEquals(302, start.statusCode());
        String callback = browser.consent(start.headers().firstValue("Location").orElseThrow(), "touch_user");
        assertEquals(302, browser.get(callback).statusCode());
        emulator.configure("{\"accessTokenLifetimeSeconds\":7200}");
        String probe = "/sample/api/cluster-probe/session-token";
        String before = browser.get(node(PORT_B) + probe).body();
        assertEquals(before, browser.get(node(PORT_A) + probe).body(), "both nodes read the login's token");
        assertNotEquals("none", before);

        HttpResponse<String> timeline = browser.get(node(PORT_A) + "/sample/timeline"); // refreshes on A
        assertEquals(200, timeline.statusCode(), timeline.body());
        assertEquals(2, Client.count(TOKEN), "the login and one refresh, on node A");
        String after = browser.get(node(PORT_B) + probe).body();
        assertNotEquals(before, after, "node B reads the refreshed token from the session, not the login's");
        assertEquals(browser.get(node(PORT_A) + probe).body(), after);
        assertEquals(200, browser.get(node(PORT_B) + "/sample/timeline").statusCode());
        assertEquals(2, Client.count(TOKEN), "node B needed no refresh of its own");
    }

    private static void login(int startOn, int callbackOn) throws Exception {
        Client.emulator("POST", "/_control/reset");
        Client browser = new Client();
        HttpResponse<String> start = browser.get(node(startOn) + "/sample/me");
        assertEquals(302, start.statusCode());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(EMULATOR + "/i/oauth2/authorize?"), authorize);
        List<HttpCookie> tx = browser.cookies("passerine_tx_");
        assertEquals(1, tx.size(), "the login transaction travels in one cookie");
        assertTrue(tx.get(0).isHttpOnly());
        String callback = browser.consent(authorize, "cluster_user");
        assertTrue(callback.startsWith(node(PORT_A) + "/sample/oauth2/callback?"), callback);
        String onOtherNode = callback.replace(node(PORT_A), node(callbackOn));

        HttpResponse<String> done = browser.get(onOtherNode);
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElseThrow().endsWith("/sample/me"));
        assertEquals(1, Client.count(TOKEN));
        for (int port : new int[] {PORT_A, PORT_B}) {
            HttpResponse<String> me = browser.get(node(port) + "/sample/me");
            assertEquals(200, me.statusCode(), "logged in on node " + port);
            assertTrue(me.body().contains("cluster_user"), me.body());
        }

        for (int port : new int[] {PORT_A, PORT_B}) { // an attacker with the captured callback URL and cookie
            Client attacker = new Client();
            attacker.addCookie(tx.get(0));
            HttpResponse<String> replay = attacker.get(onOtherNode.replace(node(callbackOn), node(port)));
            assertEquals(400, replay.statusCode(), "replayed on node " + port);
            assertEquals(302, attacker.get(node(port) + "/sample/me").statusCode(), "not logged in");
        }
        assertEquals(1, Client.count(TOKEN), "no token request for a replayed callback");
    }
}
