/**
 * Statistics that judge a canary against its baseline: pure Java, no I/O.
 *
 * <p>One call judges one look of an AnalysisRun:
 * {@code CanaryJudge.judge(JudgeConfig, LookContext, Map<String, MetricData>) -> Verdict}. The caller
 * fetches each metric's data for both sides ({@link io.voyager.rollouts.judge.data}), counts the
 * measurements already in the AnalysisRun for the look number, and reports the {@link Verdict} in its own
 * terms: {@link Verdict#phase()}, {@link Verdict#value()}, {@link Verdict#message()} and
 * {@link Verdict#metadata()}.
 *
 * <p>The pipeline, one stage per type:
 * <ol>
 *   <li>validate the config ({@link io.voyager.rollouts.judge.config.JudgeConfig#validate()}): errors name
 *       the field and the reason, and make the verdict Error;</li>
 *   <li>share out alpha: evenly over metrics, over a metric's tests and tails, then over the planned looks
 *       by an alpha-spending function ({@link io.voyager.rollouts.judge.classify.MetricClassifier});</li>
 *   <li>preprocess and classify each metric into {@link Label} Pass, High, Low, NoData or Error
 *       (ratio: Fisher exact or two-proportion z, Newcombe interval; histogram: Mann-Whitney on buckets,
 *       bootstrap p99 shift; series: outlier removal, Mann-Whitney, Hodges-Lehmann, Brown-Forsythe),
 *       with the canary's absolute guardrails beside the comparison;</li>
 *   <li>score Kayenta-style by group ({@link io.voyager.rollouts.judge.score.Scorer});</li>
 *   <li>decide the phase ({@link io.voyager.rollouts.judge.score.Decision}) and explain it in one
 *       sentence.</li>
 * </ol>
 */
package io.voyager.rollouts.judge;
