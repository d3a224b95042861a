package io.passerine.bench;

import java.util.Arrays;
import java.util.Locale;

/** Medians and the {@code RESULT} lines that bench.sh gathers into its one table. */
final class Results {

    private Results() {
    }

    static double median(double... xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%.0f" : Math.abs(x) >= 10 ? "%.1f" : "%.2f", x);
    }

    /** A ratio with two significant digits: 0.97, 1.4, 0.0053. */
    static String ratio(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : new java.math.BigDecimal(x)
                .round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** One row of the final table: tab-separated, prefixed {@code RESULT}. */
    static void row(String measurement, String passerine, String baseline, String ratio, String target, boolean met) {
        System.out.println(String.join("\t", "RESULT", measurement, passerine, baseline, ratio, target,
                target.equals("-") ? "-" : met ? "yes" : "NO"));
    }
}
