package io.passerine.emulator;

import io.passerine.emulator.core.AuthorizeService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code /i/oauth2/authorize}: GET validates and shows the consent form, the form POSTs back here; Authorize
 * redirects with a code, Cancel with {@code error=access_denied}. Invalid requests get X's error page (400).
 */
@RequestScoped
@Path("/i/oauth2/authorize")
public class AuthorizeResource {

    @Inject
    ConfiguredEmulator runtime;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        if (Replies.hasRepeats(q)) {
            return error("a parameter was given more than once");
        }
        AuthorizeService service = runtime.state().authorize();
        AuthorizeService.Validation v = service.validate(Replies.first(q));
        if (v.error() != null) {
            return error(v.error());
        }
        return html(200, ConsentPage.consent(v.request(), service.begin(v.request()), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@FormParam("consent") String consent, @FormParam("action") String action,
                           @FormParam("username") String username) {
        AuthorizeService.Outcome o = runtime.state().authorize().decide(consent, action, username);
        if (o.redirect() != null) {
            return Response.status(302).location(URI.create(o.redirect())).header("Cache-Control", "no-store").build();
        }
        if (o.reshow() != null) {
            return html(200, ConsentPage.consent(o.reshow(), o.consentId(), o.message(), username));
        }
        return error(o.error());
    }

    private static Response error(String detail) {
        return html(400, ConsentPage.error(detail));
    }

    /** Bytes, not a String: RESTEasy would HTML-escape a String entity of a 400 text/html response. */
    private static Response html(int status, String page) {
        return Response.status(status).type("text/html;charset=utf-8").entity(page.getBytes(StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .build();
    }
}
