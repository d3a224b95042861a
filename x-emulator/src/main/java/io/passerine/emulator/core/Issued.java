package io.passerine.emulator.core;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Every secret value the emulator issued (codes, access/refresh/app tokens) or received (PKCE verifiers), for the
 * test oracle "no such value appears in the client's logs" ({@code GET /_control/issued}, control surface only).
 * Kept across resets; the oldest are dropped past {@link #MAX}.
 */
public final class Issued {

    static final int MAX = 20_000;
    private static final ConcurrentLinkedDeque<String> VALUES = new ConcurrentLinkedDeque<>();

    private Issued() {
    }

    static String record(String value) {
        VALUES.addLast(value);
        if (VALUES.size() > MAX) {
            VALUES.pollFirst();
        }
        return value;
    }

    public static List<String> all() {
        return List.copyOf(VALUES);
    }
}
