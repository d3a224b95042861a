package io.passerine.emulator;

import io.passerine.emulator.core.EmulatorState;
import io.passerine.emulator.core.FaultPlan;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The test-only control surface under {@code /_control}: call stats, reset, fault injection, clock, runtime settings.
 * Every path answers 404 unless {@code x-emulator.control.enabled=true}; when enabled, {@link ControlFilter} lets
 * only calls with the configured secret and JSON bodies through. Every path accepts any content type so that
 * matching never answers before that filter (which runs after matching) does: 404, 403, then 415 for non-JSON.
 */
@RequestScoped
@ControlSurface
@Path("/_control")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    private static final Logger LOG = Logger.getLogger(ControlResource.class.getName());

    @Inject
    ConfiguredEmulator runtime;

    @GET
    @Path("stats")
    public Response stats() {
        return ok(state().stats().snapshot());
    }

    /** Every code, token and verifier the emulator issued or received (for log scans); kept across resets. */
    @GET
    @Path("issued")
    public Response issued() {
        state();
        return ok(Map.of("values", io.passerine.emulator.core.Issued.all()));
    }

    @POST
    @Path("reset")
    public Response reset() {
        state().reset();
        LOG.info("x-emulator reset by the control surface");
        return ok(Map.of("reset", true));
    }

    @POST
    @Path("faults")
    public Response addFaults(String body) {
        return withJson(body, (s, v) -> {
            List<JsonObject> objects = v instanceof JsonObject o ? List.of(o)
                    : v.asJsonArray().getValuesAs(JsonObject.class);
            List<Map<String, Object>> planned = new ArrayList<>();
            for (JsonObject o : objects) {
                FaultPlan.Fault f = new FaultPlan.Fault(o.getString("path", null), o.getInt("count", 1),
                        o.getInt("status", 0), o.getJsonNumber("delayMillis") == null ? 0
                                : o.getJsonNumber("delayMillis").longValueExact(),
                        o.getString("body", ""), o.getString("contentType", "application/json"),
                        o.getBoolean("drop", false));
                s.faults().add(f);
                planned.add(Map.of("path", f.path(), "count", f.count()));
            }
            return Map.of("planned", planned);
        });
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        state().faults().clear();
        return ok(Map.of("cleared", true));
    }

    @POST
    @Path("clock")
    public Response clock(String body) {
        return withJson(body, (s, v) -> {
            s.advanceClock(Duration.ofSeconds(v.asJsonObject().getJsonNumber("advanceSeconds").longValueExact()));
            return Map.of("now", s.clock().instant().toString(), "epochSecond", s.clock().instant().getEpochSecond());
        });
    }

    @GET
    @Path("config")
    public Response config() {
        return ok(state().settings().toMap());
    }

    @POST
    @Path("config")
    public Response reconfigure(String body) {
        return withJson(body, (s, v) -> {
            Map<String, Number> changes = new LinkedHashMap<>();
            v.asJsonObject().forEach((k, n) -> changes.put(k, ((JsonNumber) n).longValueExact()));
            return s.reconfigure(changes).toMap();
        });
    }

    /**
     * One JSON control call: 404 while the surface is off (checked first, outside the error mapping), then
     * {@code action} on the parsed body; its result is the 200 reply, and any runtime failure a 400 ({@link
     * #badRequest}).
     */
    private Response withJson(String body, BiFunction<EmulatorState, JsonValue, Object> action) {
        EmulatorState s = state();
        try {
            return ok(action.apply(s, read(body)));
        } catch (RuntimeException e) {
            return badRequest(e);
        }
    }

    private EmulatorState state() {
        if (!runtime.controlEnabled()) {
            throw new NotFoundException();
        }
        return runtime.state();
    }

    private static JsonValue read(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body == null ? "" : body))) {
            return r.readValue();
        }
    }

    private static Response ok(Object entity) {
        return Response.ok(Replies.json(entity), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response badRequest(RuntimeException e) {
        String why = e instanceof JsonException || e instanceof ClassCastException || e instanceof NullPointerException
                ? "malformed JSON for this control call" : String.valueOf(e.getMessage());
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Replies.json(Map.of("error", why))).build();
    }
}
