package io.passerine.sample;

import io.passerine.ProviderException;
import io.passerine.login.GrantException;
import io.passerine.login.UserGrants;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts the scheduled posts (issue 17) as their users, with no request and no session: an EJB timer
 * ({@code TimerService}, one non-persistent single-action timer per post; {@code enterpriseBeansLite-4.0} has them)
 * gets the user's access token from the stored grant ({@link UserGrants#accessToken}) and calls {@code POST
 * /2/tweets}. The posts themselves are in the database, so at startup the pending ones get their timers again.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostScheduler {

    private static final Logger LOG = Logger.getLogger(PostScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ScheduledPosts posts;

    @Inject
    UserGrants grants;

    @Inject
    @ConfigProperty(name = "sample.api-base")
    String apiBase;

    private Client client;

    @PostConstruct
    void start() {
        client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                .build();
        try {
            for (ScheduledPosts.Post p : posts.pending()) {
                arm(p);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Pending scheduled posts not re-armed: {0}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    /** A timer for {@code p} at its due time (at once if that has passed). */
    public void arm(ScheduledPosts.Post p) {
        timers.createSingleActionTimer(Date.from(p.dueAt()), new TimerConfig(p.id(), false));
    }

    @Timeout
    void due(Timer timer) {
        String id = (String) timer.getInfo();
        try {
            ScheduledPosts.Post p = posts.find(id);
            if (p == null || !posts.claim(id)) {
                return; // posted by another node, or cancelled
            }
            posts.finish(id, true, post(p));
        } catch (GrantException e) { // e.g. revoked at X, or disconnected: the user has to log in again
            finishQuietly(id, "not posted: " + e.reason());
        } catch (ProviderException | IllegalStateException e) {
            finishQuietly(id, "not posted: " + e.getMessage());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Scheduled post {0}: database failed ({1})", new Object[] {id, e.getSQLState()});
        }
    }

    /** @return the id of the new tweet */
    private String post(ScheduledPosts.Post p) {
        String json = Json.createObjectBuilder().add("text", p.text()).build().toString();
        try (Response r = client.target(apiBase).path("2/tweets").request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", grants.accessToken(p.userId()).authorizationHeader())
                .post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE))) {
            String body = r.readEntity(String.class);
            if (r.getStatus() != 201) {
                throw new IllegalStateException("X answered " + r.getStatus());
            }
            JsonObject data = Json.createReader(new StringReader(body)).readObject().getJsonObject("data");
            LOG.log(Level.INFO, "Scheduled post {0} posted for user {1}", new Object[] {p.id(), p.userId()});
            return data.getString("id");
        }
    }

    private void finishQuietly(String id, String note) {
        try {
            posts.finish(id, false, note);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Scheduled post {0}: not marked failed ({1})", new Object[] {id, e.getSQLState()});
        }
    }
}
