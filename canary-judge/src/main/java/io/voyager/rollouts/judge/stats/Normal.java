package io.voyager.rollouts.judge.stats;

/** The standard normal distribution: density, lower and upper tail, quantile. */
public final class Normal {
    private static final double LOG_SQRT_2PI = 0.9189385332046727;

    private Normal() {}

    public static double density(double x) {
        return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    }

    /** P(Z <= x). */
    public static double cdf(double x) {
        return x >= 0 ? 1.0 - upperTail(x) : upperTail(-x);
    }

    /**
     * P(Z > x), accurate in relative terms deep into the tail: small p-values and sequential boundaries
     * live there, so 1 - cdf(x) would lose every digit.
     */
    public static double upperTail(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 1.0 - upperTail(-x);
        }
        if (x < 5.0) {
            // The series' terms are all positive, so the upper tail keeps about 1e-16 / Q(5) = 3e-10 relative
            // precision.
            return 0.5 - taylorFromZero(x);
        }
        if (x > 38.0) {
            return 0.0;
        }
        return density(x) * millsRatio(x);
    }

    /** Phi(x) - 1/2 by the series of Marsaglia (2004); converges fast for small |x|. */
    private static double taylorFromZero(double x) {
        double q = x * x;
        double term = x;
        double sum = x;
        for (int i = 3; i < 400; i += 2) {
            term *= q / i;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum * density(x);
    }

    /** Laplace's continued fraction for Q(x)/phi(x), evaluated by the modified Lentz method. */
    private static double millsRatio(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 500; k++) {
            d = x + k * d;
            d = d == 0 ? tiny : d;
            c = x + k / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return 1.0 / f;
    }

    /** The x with P(Z <= x) = p. */
    public static double quantile(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            if (p == 0.0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p == 1.0) {
                return Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
        return p < 0.5 ? -upperQuantile(p) : upperQuantile(1.0 - p);
    }

    /** The x > 0 with P(Z > x) = q, for q <= 1/2. */
    public static double upperQuantile(double q) {
        if (q >= 0.5) {
            return q == 0.5 ? 0.0 : -upperQuantile(1.0 - q);
        }
        // Abramowitz & Stegun 26.2.23 as the start (error < 4.5e-4), then Newton steps on the accurate tail.
        double t = Math.sqrt(-2.0 * Math.log(q));
        double x = t
                - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                        / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
        for (int i = 0; i < 8; i++) {
            double step = (upperTail(x) - q) / density(x);
            x += step;
            if (Math.abs(step) < 1e-14 * Math.max(1.0, x)) {
                break;
            }
        }
        return x;
    }
}
