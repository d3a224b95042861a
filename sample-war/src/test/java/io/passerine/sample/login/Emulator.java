package io.passerine.sample.login;

import io.passerine.sample.EmulatorControl;

/** The login tests' short names for the x-emulator's control surface ({@link EmulatorControl}) and its paths. */
final class Emulator {

    static final String TOKEN = "/2/oauth2/token";
    static final String REVOKE = "/2/oauth2/revoke";
    static final String ME = "/2/users/me";

    private static final EmulatorControl CONTROL = new EmulatorControl();

    private Emulator() {
    }

    static void reset() {
        CONTROL.reset();
    }

    /** How many calls {@code path} received since the last reset. */
    static long count(String path) {
        return CONTROL.calls(path);
    }

    static void fault(String json) {
        CONTROL.fault(json);
    }

    /** Runtime settings, e.g. {@code {"accessTokenLifetimeSeconds":30}} (undone by {@link #reset()}). */
    static void configure(String json) {
        CONTROL.configure(json);
    }

    static void advanceClock(long seconds) {
        CONTROL.advanceClock(seconds);
    }
}
