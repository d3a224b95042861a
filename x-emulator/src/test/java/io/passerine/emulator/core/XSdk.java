package io.passerine.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.gson.reflect.TypeToken;
import com.twitter.clientlib.JSON;
import com.twitter.clientlib.model.Problem;
import com.twitter.clientlib.model.ProblemOrError;
import java.lang.reflect.Type;

/**
 * X's official Java SDK (its OpenAPI-generated models and Gson setup) as the oracle of an emulator {@link Reply}:
 * a success body must deserialize into the SDK's response model, an error body into the problem the SDK's
 * {@code ApiException.getErrorObject()} carries. The models reject JSON that misses a required field.
 */
final class XSdk {

    static {
        new JSON(); // registers the SDK's type adapters (required fields, problem discriminator)
    }

    private XSdk() {
    }

    /** The body as JSON text, the way Gson writes the emulator's maps. */
    static String json(Reply reply) {
        return JSON.getGson().toJson(reply.body());
    }

    /** A 2xx body parsed as the SDK parses it for {@code type}. */
    static <T> T success(Reply reply, Class<T> type) {
        return JSON.getGson().fromJson(json(reply), (Type) type);
    }

    /** An error body parsed as the SDK's API classes do on an {@code ApiException}: one {@code Problem} subtype. */
    static <P extends Problem> P problem(Reply reply, int status, Class<P> type) {
        assertEquals(status, reply.status(), () -> json(reply));
        ProblemOrError parsed = JSON.getGson().fromJson(json(reply), new TypeToken<ProblemOrError>() { }.getType());
        return assertInstanceOf(type, parsed.getActualInstance(), () -> json(reply));
    }
}
