package io.passerine.testing;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A property checked over seeded random cases with plain JUnit 5. The seed is {@link #DEFAULT_SEED} unless the
 * system property {@value #SEED_PROPERTY} sets another ({@code mvn test -Dpasserine.test.seed=42}); a failure names
 * the property, the seed, the case number and the generated input, so the same run replays it.
 */
public final class SeededProperty {

    public static final String SEED_PROPERTY = "passerine.test.seed";
    public static final long DEFAULT_SEED = 20260113L;

    private static final int SHOWN = 600;
    private static final Logger LOG = System.getLogger(SeededProperty.class.getName());

    private SeededProperty() {
    }

    /** The seed of this run. */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** Checks {@code property} on {@code cases} inputs drawn by {@code generator}, stopping at the first failure. */
    public static <T> void forAll(String name, int cases, Function<Gen, T> generator, Consumer<T> property) {
        run(name, cases, generator, input -> {
            property.accept(input);
            return true;
        });
        LOG.log(Level.INFO, "{0}: {1} cases passed, seed {2}", name, cases, Long.toString(seed()));
    }

    /**
     * Like {@link #forAll}, for a check that also tells whether the case reached the outcome named {@code hit}
     * ("accepted", "logged in"): returns, and logs, how many did, so that a test can require the generator to reach
     * it often enough to mean something.
     */
    public static <T> int count(String name, int cases, String hit, Function<Gen, T> generator,
            Predicate<T> property) {
        int hits = run(name, cases, generator, property);
        LOG.log(Level.INFO, "{0}: {1} cases passed, {2} of them {3}, seed {4}", name, cases, hits, hit,
                Long.toString(seed()));
        return hits;
    }

    private static <T> int run(String name, int cases, Function<Gen, T> generator, Predicate<T> property) {
        long seed = seed();
        Gen gen = new Gen(seed);
        int hits = 0;
        for (int i = 0; i < cases; i++) {
            T input = generator.apply(gen);
            try {
                hits += property.test(input) ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + " fails at case " + (i + 1) + " of " + cases + " with seed " + seed
                        + " (-D" + SEED_PROPERTY + "=" + seed + "), input " + visible(String.valueOf(input))
                        + ": " + shown(String.valueOf(e.getMessage()), ""), e);
            }
        }
        return hits;
    }

    /**
     * {@code s} quoted, backslashes and every character outside printable ASCII written as Java escapes, cut after
     * {@value #SHOWN} characters.
     */
    public static String visible(String s) {
        return shown(s, "\"");
    }

    private static String shown(String s, String quote) {
        boolean cut = s.length() > SHOWN;
        return quote + escaped(cut ? s.substring(0, SHOWN) : s) + quote
                + (cut ? "... (" + s.length() + " characters)" : "");
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            boolean plain = c >= 0x20 && c < 0x7F && c != '\\';
            out.append(plain ? String.valueOf(c) : c == '\\' ? "\\\\" : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }
}
