package io.voyager.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's series on the controller's clock (seconds since the canary started): per-second success
 * rates from the load driver's timeline, the weights and the measurements from the controller's.
 * The driver lists the two stable instances as targets 0 and 1 and the canary as target 2.
 */
record RehearsalData(
        long canaryStartMs,
        List<RatePoint> canary,
        List<RatePoint> stable,
        List<WeightPoint> weights,
        List<MeasurementMark> measurements) {

    static final int CANARY_TARGET = 2;

    record RatePoint(double seconds, double rate, long requests) {}

    record WeightPoint(double seconds, int weight) {}

    record MeasurementMark(double seconds, String run, String metric, String phase) {
        boolean background() {
            return run.equals("background");
        }
    }

    double endSeconds() {
        double end = 0;
        for (WeightPoint w : weights) {
            end = Math.max(end, w.seconds());
        }
        for (MeasurementMark m : measurements) {
            end = Math.max(end, m.seconds());
        }
        for (RatePoint p : stable) {
            end = Math.max(end, p.seconds());
        }
        return end;
    }

    static RehearsalData read(Path driverCsv, Path controllerJsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long start = Long.MAX_VALUE;
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(controllerJsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = json.readTree(line);
            events.add(event);
            start = Math.min(
                    start,
                    event.path("wallMs").asLong() - Math.round(event.path("t").asDouble() * 1000));
        }
        if (events.isEmpty()) {
            throw new IOException(controllerJsonl + " has no events");
        }
        List<WeightPoint> weights = new ArrayList<>();
        List<MeasurementMark> marks = new ArrayList<>();
        for (JsonNode e : events) {
            double t = e.path("t").asDouble();
            switch (e.path("event").asText()) {
                case "weight" -> weights.add(new WeightPoint(t, e.path("weight").asInt()));
                case "measurement" ->
                    marks.add(new MeasurementMark(
                            t,
                            e.path("run").asText(),
                            e.path("metric").asText(),
                            e.path("phase").asText()));
                default -> {}
            }
        }
        return new RehearsalData(start, rates(driverCsv, start, true), rates(driverCsv, start, false), weights, marks);
    }

    /** Canary, or the two stable instances summed; seconds with no request are left out. */
    static List<RatePoint> rates(Path driverCsv, long startMs, boolean canary) throws IOException {
        List<RatePoint> points = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        long requests = 0;
        long succeeded = 0;
        for (String line : Files.readAllLines(driverCsv)) {
            String[] f = line.split(",");
            if (f.length < 6 || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            boolean isCanary = Integer.parseInt(f[1]) == CANARY_TARGET;
            if (isCanary != canary) {
                continue;
            }
            long at = Long.parseLong(f[0]);
            if (at != bucket) {
                add(points, bucket, startMs, requests, succeeded);
                bucket = at;
                requests = 0;
                succeeded = 0;
            }
            requests += Long.parseLong(f[2]);
            succeeded += Long.parseLong(f[3]);
        }
        add(points, bucket, startMs, requests, succeeded);
        return points;
    }

    private static void add(List<RatePoint> points, long bucket, long startMs, long requests, long succeeded) {
        if (bucket != Long.MIN_VALUE && requests > 0 && bucket >= startMs - 1_000) {
            points.add(new RatePoint((bucket - startMs) / 1000.0, (double) succeeded / requests, requests));
        }
    }
}
