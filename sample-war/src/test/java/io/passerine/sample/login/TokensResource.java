package io.passerine.sample.login;

import io.passerine.login.RequiresScopes;
import io.passerine.login.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeSet;

/** Shows what {@link CurrentUser} gives (a hash of the access token, never the token). Protected by web.xml. */
@RequestScoped
@Path("tokens")
public class TokensResource {

    @Inject
    CurrentUser tokens;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get() throws Exception {
        String at = tokens.accessToken().value();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(at.getBytes(StandardCharsets.UTF_8));
        return "user=" + tokens.username() + "\nid=" + tokens.userId() + "\nscopes=" + new TreeSet<>(tokens.scopes())
                + "\ntoken=" + HexFormat.of().formatHex(hash, 0, 8) + "\n";
    }

    @GET
    @Path("write")
    @RequiresScopes("tweet.write")
    @Produces(MediaType.TEXT_PLAIN)
    public String write() {
        return "can write: " + tokens.hasScopes("tweet.write") + "\n";
    }
}
