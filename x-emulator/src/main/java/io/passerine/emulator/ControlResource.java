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
import java.util.logging.Logger;

/**
 * The test-only control surface under {@code /_control}: call stats, reset, fault injection, clock, runtime settings.
 * Every path answers 404 unless {@code x-emulator.control.enabled=true}; when enabled, {@link ControlFilter} lets
 * only calls with the configured secret and JSON bodies through.
 */
@RequestScoped
@ControlSurface
@Path("/_control")
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
    @Consumes(MediaType.WILDCARD) // ControlFilter: application/json only, 415 otherwise
    public Response addFaults(String body) {
        EmulatorState s = state();
        try {
            JsonValue v = read(body);
            List<JsonObject> objects = v instanceof JsonObject o ? List.of(o) : v.asJsonArray().getValuesAs(JsonObject.class);
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
            return ok(Map.of("planned", planned));
        } catch (RuntimeException e) {
            return badRequest(e);
        }
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        state().faults().clear();
        return ok(Map.of("cleared", true));
    }

    @POST
    @Path("clock")
    @Consumes(MediaType.WILDCARD) // ControlFilter: application/json only, 415 otherwise
    public Response clock(String body) {
        EmulatorState s = state();
        try {
            s.advanceClock(Duration.ofSeconds(read(body).asJsonObject().getJsonNumber("advanceSeconds")
                    .longValueExact()));
            return ok(Map.of("now", s.clock().instant().toString(), "epochSecond", s.clock().instant().getEpochSecond()));
        } catch (RuntimeException e) {
            return badRequest(e);
        }
    }

    @GET
    @Path("config")
    public Response config() {
        return ok(state().settings().toMap());
    }

    @POST
    @Path("config")
    @Consumes(MediaType.WILDCARD) // ControlFilter: application/json only, 415 otherwise
    public Response reconfigure(String body) {
        EmulatorState s = state();
        try {
            Map<String, Number> changes = new LinkedHashMap<>();
            read(body).asJsonObject().forEach((k, v) -> changes.put(k, ((JsonNumber) v).longValueExact()));
            return ok(s.reconfigure(changes).toMap());
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
