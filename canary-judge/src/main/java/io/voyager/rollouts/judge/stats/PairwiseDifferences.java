package io.voyager.rollouts.judge.stats;

import java.util.Arrays;

/**
 * Order statistics of all m*n differences x_i - y_j without forming them: bisection over the doubles
 * (in their bit order) with an O(m + n) two-pointer count of differences at or below a value. Finding
 * one order statistic costs O((m + n) * 64) after sorting, instead of O(mn log mn) for sorting all
 * differences; the result is exactly the k-th smallest difference as floating point computes it.
 */
final class PairwiseDifferences {
    private final double[] x;
    private final double[] y;

    PairwiseDifferences(double[] x, double[] y) {
        this.x = x.clone();
        this.y = y.clone();
        Arrays.sort(this.x);
        Arrays.sort(this.y);
    }

    long count() {
        return (long) x.length * y.length;
    }

    /** The k-th smallest difference, k = 1..m*n. */
    double kth(long k) {
        if (k < 1 || k > count()) {
            throw new IllegalArgumentException("rank " + k + " outside 1.." + count());
        }
        long low = orderKey(x[0] - y[y.length - 1]);
        long high = orderKey(x[x.length - 1] - y[0]);
        while (low < high) {
            long mid = (low >> 1) + (high >> 1) + (low & high & 1);
            if (countAtMost(fromOrderKey(mid)) >= k) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return fromOrderKey(low);
    }

    double median() {
        long n = count();
        return n % 2 == 1 ? kth(n / 2 + 1) : (kth(n / 2) + kth(n / 2 + 1)) / 2.0;
    }

    /** How many x_i - y_j are <= d; as x_i grows, the first qualifying j only moves right. */
    private long countAtMost(double d) {
        long count = 0;
        int first = 0;
        for (double xi : x) {
            while (first < y.length && xi - y[first] > d) {
                first++;
            }
            count += y.length - first;
        }
        return count;
    }

    /** A long whose signed order is the order of the finite doubles. */
    private static long orderKey(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromOrderKey(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }
}
