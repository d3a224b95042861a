package io.passerine.sample.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.passerine.sample.EmulatorControl;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link io.passerine.login.UserBearerFilter} on a MicroProfile Rest Client ({@code @RegisterProvider}, Liberty's
 * mpRestClient-3.0): the logged-in user's token on the call, refreshed first when due, the user's quota recorded, and
 * X's 401 for a revoked grant passed on without a retry — counted at the x-emulator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserRestClientIT {

    static final String TWEET = "1261326399320715264";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(LoginDeployments.emulatorConfig());
        config.put("x-user/mp-rest/url", LoginDeployments.EMULATOR);
        return LoginDeployments.war("login-it", config).addClasses(UserXApi.class, UserApiResource.class);
    }

    @BeforeEach
    void reset() {
        Emulator.reset();
    }

    @Test
    void callsCarryTheUsersTokenAndTheQuotaIsRecordedPerUser() throws Exception {
        Browser b = new Browser();
        LoginFlowIT.login(b, "/api/user-tweets?ids=" + TWEET, "rc_user");
        HttpResponse<String> res = b.get(LoginFlowIT.APP + "/api/user-tweets?ids=" + TWEET);
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"id\":\"" + TWEET + "\""), res.body());
        assertEquals(1, Emulator.count("/2/tweets"));
        assertEquals(1, Emulator.count(Emulator.TOKEN), "the login's code exchange only");
        String quota = b.get(LoginFlowIT.APP + "/api/user-tweets/quota").body();
        assertTrue(quota.contains("user:rc_user={GET /2/tweets=RateLimit[limit=300, remaining=299"), quota);
    }

    @Test
    void dueTokenIsRefreshedOnceBeforeTheCall() throws Exception {
        Emulator.configure("{\"accessTokenLifetimeSeconds\":61}"); // inside the 60 s skew one second later
        Browser b = new Browser();
        LoginFlowIT.login(b, "/api/user-tweets?ids=" + TWEET, "rc_refresh");
        Emulator.configure("{\"accessTokenLifetimeSeconds\":7200}");
        Thread.sleep(1_500);
        assertEquals(200, b.get(LoginFlowIT.APP + "/api/user-tweets?ids=" + TWEET).statusCode());
        assertEquals(200, b.get(LoginFlowIT.APP + "/api/user-tweets?ids=" + TWEET).statusCode());
        assertEquals(2, Emulator.count(Emulator.TOKEN), "the login and one refresh");
        assertEquals(2, Emulator.count("/2/tweets"));
    }

    @Test
    void revokedGrantsAnswer401IsPassedOnWithoutARetry() throws Exception {
        Browser b = new Browser();
        LoginFlowIT.login(b, "/api/user-tweets?ids=" + TWEET, "rc_revoked");
        new EmulatorControl().fault("/2/tweets", 3, 401, EmulatorControl.UNAUTHORIZED); // X's v2 problem
        assertEquals("API answered 401", b.get(LoginFlowIT.APP + "/api/user-tweets?ids=" + TWEET).body());
        assertEquals(1, Emulator.count("/2/tweets"), "a user's 401 is not retried: only a new login helps");
    }
}
