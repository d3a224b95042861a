package io.passerine.sample.cluster;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.internal.cluster.Hashes;
import io.passerine.login.internal.LoginAttribute;
import io.passerine.login.internal.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Added to the sample for the cluster test ({@code /sample/api/cluster-probe}): which app-only token this node uses
 * (a hash, never the token) and an invalidate button; which user access token this node finds in the session.
 */
@RequestScoped
@Path("cluster-probe")
public class ClusterProbe {

    @Inject
    AppOnlyTokenClient tokens;

    @GET
    @Path("token")
    @Produces(MediaType.TEXT_PLAIN)
    public String token() {
        return Hashes.sha256(tokens.token().value()).substring(0, 16);
    }

    @POST
    @Path("invalidate")
    @Produces(MediaType.TEXT_PLAIN)
    public String invalidate() {
        tokens.invalidate();
        return "invalidated";
    }

    /** A hash of the access token this node reads from the caller's HTTP session (no refresh), or "none". */
    @GET
    @Path("session-token")
    @Produces(MediaType.TEXT_PLAIN)
    public String sessionToken(@Context HttpServletRequest request) {
        SessionLogin st = LoginAttribute.get(request);
        if (st == null) {
            return "none";
        }
        try { // the library's package-private token record, read without refreshing (a test probe only)
            java.lang.reflect.Method peek = SessionLogin.class.getDeclaredMethod("peek");
            peek.setAccessible(true);
            Object tokens = peek.invoke(st);
            java.lang.reflect.Method at = tokens.getClass().getDeclaredMethod("accessToken");
            at.setAccessible(true);
            return Hashes.sha256((String) at.invoke(tokens)).substring(0, 16);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
