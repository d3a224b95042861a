package io.passerine.sample.login;

import static io.passerine.sample.login.LoginFlowIT.APP;
import static io.passerine.sample.login.LoginFlowIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 on Open Liberty with the server's {@code jdbc/passerine} (embedded H2): a login stores the grant, which
 * works after the session ended; a due grant is refreshed once; revocation at X marks it; disconnect and logout revoke
 * it at X and delete the row; the table holds no token the emulator issued. Oracle: the emulator's counts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoredGrantsIT {

    static final String KEY = "c3RvcmVkLWdyYW50cy1pdC1rZXktMzItYnl0ZXMtISE";
    static final EmulatorControl CONTROL = new EmulatorControl();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(LoginDeployments.emulatorConfig());
        config.put("passerine.login.store-grants", "true");
        config.put("passerine.grants.data-source", "jdbc/passerine");
        config.put("passerine.grants.keys", KEY);
        config.put("passerine.grants.cache-ttl", "0s");
        return LoginDeployments.war("login-it", config).addClass(GrantsProbe.class);
    }

    @BeforeEach
    void reset() throws Exception {
        Emulator.reset();
    }

    /** Logs {@code user} in; returns their X user id. */
    private static String loginAs(Browser b, String user) throws Exception {
        login(b, "/me", user);
        HttpResponse<String> res = b.get(APP + "/api/tokens");
        assertEquals(200, res.statusCode(), res.body());
        return res.body().lines().filter(l -> l.startsWith("id=")).findFirst().orElseThrow().substring(3);
    }

    private static HttpResponse<String> probe(String what, String user) throws Exception {
        return new Browser().get(APP + "/test/grants/" + what + "?user=" + user);
    }

    private static void advanceBothClocks(long seconds) throws Exception {
        Emulator.advanceClock(seconds);
        assertEquals(200, new Browser().post(APP + "/test/clock?advanceSeconds=" + seconds, Map.of()).statusCode());
    }

    private static List<String> issued() {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]{8,})\"").matcher(CONTROL.issued());
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @Test
    void theGrantOutlivesTheSessionAndTheTableHoldsNoIssuedToken() throws Exception {
        Browser b = new Browser();
        String id = loginAs(b, "grace");
        assertEquals(200, b.post(APP + "/test/grants/end-session", Map.of()).statusCode());
        assertEquals(0, Emulator.count(Emulator.REVOKE), "the session ended, the stored grant stays valid at X");
        HttpResponse<String> token = probe("token", id);
        assertEquals(200, token.statusCode(), token.body());

        String dump = new Browser().get(APP + "/test/grants/dump").body();
        assertTrue(dump.contains(id), dump);
        List<String> issued = issued();
        assertFalse(issued.isEmpty());
        for (String value : issued) {
            assertFalse(dump.contains(value), "a raw SELECT shows a value the emulator issued");
        }
    }

    @Test
    void aDueGrantIsRefreshedOnceAndARevocationAtXMarksIt() throws Exception {
        String id = loginAs(new Browser(), "heidi");
        assertEquals(1, Emulator.count(Emulator.TOKEN), "the code exchange");
        advanceBothClocks(7300);
        String first = probe("token", id).body();
        assertEquals(first, probe("token", id).body());
        assertEquals(2, Emulator.count(Emulator.TOKEN), "exactly one refresh");

        for (String value : issued()) { // the user revokes the app at X
            CONTROL.postForm("/2/oauth2/revoke", "sample-client", "sample-secret", "token=" + value);
        }
        advanceBothClocks(7300);
        HttpResponse<String> revoked = probe("token", id);
        assertEquals(409, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("reason=REVOKED"), revoked.body());
        assertTrue(probe("find", id).body().contains("revoked=true"));
        assertEquals(3, Emulator.count(Emulator.TOKEN), "one refresh, rejected");
        assertEquals(409, probe("token", id).statusCode());
        assertEquals(3, Emulator.count(Emulator.TOKEN), "a marked grant is not tried again");
    }

    @Test
    void disconnectRevokesAtXAndDeletesTheRow() throws Exception {
        String id = loginAs(new Browser(), "ivan");
        HttpResponse<String> res = new Browser().post(APP + "/test/grants/revoke?user=" + id, Map.of());
        assertEquals("deleted=true", res.body().strip());
        assertEquals(2, Emulator.count(Emulator.REVOKE), "refresh token, then access token");
        assertEquals(404, probe("find", id).statusCode());
        assertTrue(probe("token", id).body().contains("reason=NOT_STORED"));
    }

    @Test
    void logoutRevokesAndDeletesTheStoredGrant() throws Exception {
        Browser b = new Browser();
        String id = loginAs(b, "judy");
        assertEquals(302, b.post(APP + "/oauth2/logout", Map.of()).statusCode());
        assertEquals(404, probe("find", id).statusCode());
        assertTrue(Emulator.count(Emulator.REVOKE) >= 2, "revoked at X: " + Emulator.count(Emulator.REVOKE));
    }
}
