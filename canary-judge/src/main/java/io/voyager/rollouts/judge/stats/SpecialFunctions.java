package io.voyager.rollouts.judge.stats;

/** Log-gamma and the regularized incomplete beta function, the building blocks of the t and F tails. */
public final class SpecialFunctions {
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double HALF_LOG_2PI = 0.9189385332046727;
    private static final int FACTORIAL_TABLE = 1024;
    private static final double[] LOG_FACTORIALS = new double[FACTORIAL_TABLE];

    static {
        for (int i = 1; i < FACTORIAL_TABLE; i++) {
            LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
        }
    }

    private SpecialFunctions() {}

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7). */
    public static double logGamma(double x) {
        if (x <= 0) {
            throw new IllegalArgumentException("logGamma needs x > 0: " + x);
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1.0 - x);
        }
        double z = x - 1.0;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** ln(n!) exactly summed for small n, Lanczos beyond. */
    public static double logFactorial(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("logFactorial needs n >= 0: " + n);
        }
        return n < FACTORIAL_TABLE ? LOG_FACTORIALS[(int) n] : logGamma(n + 1.0);
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        // The continued fraction converges fast only on the side of the mean a/(a+b); use symmetry otherwise.
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
        }
        return 1.0 - Math.exp(logFront) * betaContinuedFraction(1.0 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1.0);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= 1000; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
            d = 1.0 + even * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + even / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
            d = 1.0 + odd * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + odd / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** P(T > t) for Student's t with df degrees of freedom. */
    public static double studentUpperTail(double t, double df) {
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
        return t >= 0 ? tail : 1.0 - tail;
    }

    /** The t with P(T > t) = tail for Student's t with df degrees of freedom, 0 < tail < 0.5, by bisection. */
    public static double studentUpperQuantile(double tail, double df) {
        if (!(tail > 0 && tail < 0.5) || !(df > 0)) {
            throw new IllegalArgumentException("need 0 < tail < 0.5 and df > 0, got " + tail + ", " + df);
        }
        double low = 0.0;
        double high = 1.0;
        while (studentUpperTail(high, df) > tail) {
            high *= 2.0;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
            double mid = 0.5 * (low + high);
            if (studentUpperTail(mid, df) > tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
