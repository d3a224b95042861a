package io.passerine.sample.cluster;

import io.passerine.apponly.AppOnlyTokenClient;
import io.passerine.cluster.internal.Hashes;
import io.passerine.login.internal.LoginSessions;
import io.passerine.login.internal.SessionTokens;
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
        SessionTokens st = LoginSessions.get(request);
        return st == null ? "none" : Hashes.sha256(st.peek().accessToken()).substring(0, 16);
    }
}
