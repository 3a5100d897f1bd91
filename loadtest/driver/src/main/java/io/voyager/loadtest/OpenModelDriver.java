package io.voyager.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests at a constant arrival rate whatever the server does (an open model),
 * and measures each one from its intended send time. A timer on the event loop sends
 * every request that has come due; requests beyond the in-flight bound are counted as
 * shed by the driver, so a stuck server cannot make the driver grow without bound.
 * An optional warm-up runs first at the same rate on the same connections and is not
 * reported, so the driver's own JIT and connection setup stay out of the measurement.
 */
public final class OpenModelDriver {

    public static final String SHED = "shed by driver";
    private static final long TICK_MILLIS = 1;
    private static final long POLL_MILLIS = 100;

    private final LoadPlan plan;
    private WeightsFile weightsFile;
    private TargetTimeline timeline;
    private Duration warmup = Duration.ZERO;

    public OpenModelDriver(LoadPlan plan) {
        this.plan = plan;
    }

    /** Follows the weights in this file during the run, checked every 100 ms. */
    public OpenModelDriver followWeights(WeightsFile file) {
        this.weightsFile = file;
        return this;
    }

    /** Also records every completion per target and interval. */
    public OpenModelDriver recordTimeline(TargetTimeline targetTimeline) {
        this.timeline = targetTimeline;
        return this;
    }

    /**
     * Sends traffic at the plan's rate for this long before the measured run, on the same
     * clients, with request numbers past the measured ones so no idempotency key repeats.
     */
    public OpenModelDriver warmUpFor(Duration duration) {
        if (duration.isNegative() || duration.compareTo(LoadPlan.MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "warm-up must be in [0, " + LoadPlan.MAX_DURATION + "], got " + duration);
        }
        this.warmup = duration;
        return this;
    }

    public LoadReport run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        List<URI> targets = plan.split().targets();
        HttpClient[] clients = new HttpClient[targets.size()];
        for (int i = 0; i < clients.length; i++) {
            URI target = targets.get(i);
            clients[i] = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setDefaultHost(target.getHost())
                            .setDefaultPort(target.getPort() > 0 ? target.getPort() : 80)
                            .setKeepAlive(true)
                            .setPipelining(false)
                            .setConnectTimeout((int) Math.min(
                                    Integer.MAX_VALUE, plan.requestTimeout().toMillis())),
                    new PoolOptions().setHttp1MaxSize(plan.maxConnectionsPerTarget()));
        }
        try {
            ArrivalSchedule schedule = plan.schedule();
            if (weightsFile != null) {
                weightsFile.applyTo(plan.split());
            }
            if (weightsFile != null || timeline != null) {
                vertx.setPeriodic(POLL_MILLIS, id -> {
                    if (weightsFile != null) {
                        weightsFile.applyTo(plan.split());
                    }
                    if (timeline != null) {
                        timeline.flush(System.currentTimeMillis());
                    }
                });
            }
            if (!warmup.isZero()) {
                ArrivalSchedule warmupSchedule = new ArrivalSchedule(schedule.ratePerSecond(), warmup);
                runPhase(vertx, clients, warmupSchedule, schedule.totalRequests(), new LoadReport(), null, "warm-up");
            }
            LoadReport report = new LoadReport();
            runPhase(vertx, clients, schedule, 0, report, timeline, "run");
            if (timeline != null) {
                timeline.flush(Long.MAX_VALUE);
            }
            return report;
        } finally {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
    }

    /** Sends one schedule's requests, numbered from {@code firstIndex}, and waits until all are answered. */
    private void runPhase(
            Vertx vertx,
            HttpClient[] clients,
            ArrivalSchedule schedule,
            long firstIndex,
            LoadReport report,
            TargetTimeline phaseTimeline,
            String phase)
            throws InterruptedException {
        long total = schedule.totalRequests();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        long[] next = {0};
        vertx.setPeriodic(TICK_MILLIS, timerId -> {
            long due = schedule.dueBy(System.nanoTime() - start);
            while (next[0] < due) {
                long index = next[0]++;
                long intended = start + schedule.offsetNanos(index);
                report.recordSent();
                if (inFlight.get() >= plan.maxInFlight()) {
                    report.recordCompletion(SHED, null, System.nanoTime() - intended);
                    complete(finished, total, done);
                    continue;
                }
                inFlight.incrementAndGet();
                long requestNumber = firstIndex + index;
                int target = plan.split().targetIndexFor(requestNumber);
                send(
                        clients[target],
                        target,
                        plan.requests().request(requestNumber),
                        intended,
                        report,
                        phaseTimeline,
                        () -> {
                            inFlight.decrementAndGet();
                            complete(finished, total, done);
                        });
            }
            if (next[0] >= total) {
                vertx.cancelTimer(timerId);
            }
        });

        long boundMillis = TimeUnit.NANOSECONDS.toMillis(schedule.offsetNanos(total))
                + plan.requestTimeout().toMillis() * 2
                + 5_000;
        boolean drained = total == 0 || done.await(boundMillis, TimeUnit.MILLISECONDS);
        report.finish(System.nanoTime() - start);
        if (!drained) {
            throw new IllegalStateException(phase + " did not drain within " + boundMillis + " ms: " + report.toText());
        }
    }

    private static void complete(AtomicLong finished, long total, CountDownLatch done) {
        if (finished.incrementAndGet() == total) {
            done.countDown();
        }
    }

    private void send(
            HttpClient client,
            int target,
            RequestSource.OutgoingRequest request,
            long intended,
            LoadReport report,
            TargetTimeline phaseTimeline,
            Runnable onDone) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(request.path())
                .setIdleTimeout(plan.requestTimeout().toMillis());
        request.headers().forEach(options::putHeader);
        client.request(options)
                .compose(req -> req.send(Buffer.buffer(request.body())))
                .compose(resp -> resp.body().map(body -> {
                    String version = resp.getHeader("X-Voyager-Version");
                    completed(
                            target,
                            ResponseClassifier.classify(resp.statusCode(), body.toString()),
                            version,
                            intended,
                            report,
                            phaseTimeline);
                    return null;
                }))
                .onComplete(result -> {
                    if (result.failed()) {
                        completed(
                                target,
                                ResponseClassifier.classify(result.cause()),
                                null,
                                intended,
                                report,
                                phaseTimeline);
                    }
                    onDone.run();
                });
    }

    private static void completed(
            int target,
            String outcome,
            String version,
            long intended,
            LoadReport report,
            TargetTimeline phaseTimeline) {
        long latency = System.nanoTime() - intended;
        report.recordCompletion(outcome, version, latency);
        if (phaseTimeline != null) {
            boolean ok = LoadReport.APPROVED.equals(outcome) || LoadReport.DECLINED.equals(outcome);
            phaseTimeline.record(target, ok, latency, System.currentTimeMillis());
        }
    }
}
