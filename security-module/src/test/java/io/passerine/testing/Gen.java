package io.passerine.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators for the property tests: one {@link SplittableRandom}, so a seed replays the same cases. Bounds
 * are inclusive; about one draw in eight of a range is one of its ends (the edge cases).
 */
public final class Gen {

    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An int in {@code [min, max]}, its ends more often than the rest. */
    public int between(int min, int max) {
        int roll = random.nextInt(16);
        if (roll == 0) {
            return min;
        }
        return roll == 1 ? max : min + random.nextInt(max - min + 1);
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** {@code min} to {@code max} pieces, each drawn from {@code pieces}, concatenated. */
    public String join(List<String> pieces, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = between(min, max); n > 0; n--) {
            s.append(oneOf(pieces));
        }
        return s.toString();
    }

    /** {@code min} to {@code max} characters, each drawn from {@code alphabet}. */
    public String chars(String alphabet, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = between(min, max); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /**
     * Up to {@code max} UTF-16 units of random Unicode: half printable ASCII (so that some strings get past a
     * validator), an eighth controls (C0, DEL, C1), the rest any unit at all, lone surrogates included.
     */
    public String unicode(int max) {
        StringBuilder s = new StringBuilder();
        for (int n = between(0, max); n > 0; n--) {
            int kind = random.nextInt(16);
            s.append((char) (kind < 8 ? 0x20 + random.nextInt(0x5F) // printable ASCII
                    : kind == 8 ? random.nextInt(0x20) // C0
                    : kind == 9 ? 0x7F + random.nextInt(0x21) // DEL and C1
                    : random.nextInt(0x10000)));
        }
        return s.toString();
    }
}
