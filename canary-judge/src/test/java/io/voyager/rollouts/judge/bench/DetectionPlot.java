package io.voyager.rollouts.judge.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Detection rate against effect size, one panel per kind of fault and one line per judge; the first point
 * of every panel is the A/A run (its height is the false-failure rate). Drawn headless with java.awt.
 */
final class DetectionPlot {
    private static final int WIDTH = 1500;
    private static final int HEIGHT = 1040;
    private static final int TOP = 145;
    private static final int PANEL_HEIGHT = 340;
    private static final int ROW_GAP = 120;
    private static final int LEFT = 80;
    private static final int GAP = 60;
    private static final Color[] COLORS = {new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3)};
    private static final String[][] PANELS = {
        {"errors", "Errors", "canary error rate (stable 0.5%)"},
        {"latency", "Latency", "canary p99 vs stable (every request slower)"},
        {"spread", "CPU noise", "canary CPU noise vs stable, same mean"}
    };

    private DetectionPlot() {}

    static void write(Path file, List<RolloutJudge> judges, Map<Scenario, List<Outcome>> results, int runs, long seed)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        g.drawString(
                String.format(
                        Locale.ROOT,
                        "Simulated rollouts at 45K req/s, canary 5%%/10%%/25%%, 12 looks of 30 s: %d runs per point, seed %d",
                        runs,
                        seed),
                LEFT,
                32);
        legend(g, judges);
        Scenario aa = results.keySet().stream()
                .filter(s -> s.family().equals("A/A"))
                .findFirst()
                .orElseThrow();
        int panelWidth = (WIDTH - LEFT - 30 - GAP * (PANELS.length - 1)) / PANELS.length;
        for (int p = 0; p < PANELS.length; p++) {
            List<Scenario> points = new ArrayList<>();
            points.add(aa);
            for (Scenario s : results.keySet()) {
                if (s.family().equals(PANELS[p][0])) {
                    points.add(s);
                }
            }
            int x0 = LEFT + p * (panelWidth + GAP);
            panel(
                    g,
                    x0,
                    TOP,
                    panelWidth,
                    PANELS[p][1] + ": rollouts failed",
                    PANELS[p][2],
                    points,
                    judges,
                    results,
                    new RateAxis());
            panel(
                    g,
                    x0,
                    TOP + PANEL_HEIGHT + ROW_GAP,
                    panelWidth,
                    PANELS[p][1] + ": median time to fail",
                    PANELS[p][2],
                    points,
                    judges,
                    results,
                    new TimeAxis(runs));
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void legend(Graphics2D g, List<RolloutJudge> judges) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        int x = LEFT;
        for (int j = 0; j < judges.size(); j++) {
            g.setColor(COLORS[j]);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x, 62, x + 36, 62);
            marker(g, x + 18, 62, j);
            g.setColor(Color.BLACK);
            g.drawString(judges.get(j).name(), x + 46, 68);
            x += 60 + g.getFontMetrics().stringWidth(judges.get(j).name()) + 40;
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("First point of each panel: A/A (canary = stable), so its failures are false failures.", LEFT, 96);
    }

    /** What a panel's y axis shows. */
    private interface Axis {
        int[] ticks();

        String tickLabel(int tick);

        double max();

        /** The value to plot, or NaN for no point. */
        double value(Outcome outcome);
    }

    private static final class RateAxis implements Axis {
        public int[] ticks() {
            return new int[] {0, 20, 40, 60, 80, 100};
        }

        public String tickLabel(int tick) {
            return tick + "%";
        }

        public double max() {
            return 100;
        }

        public double value(Outcome outcome) {
            return 100 * outcome.rate();
        }
    }

    /** Seconds since the analysis started; only where at least 5% of the rollouts failed. */
    private static final class TimeAxis implements Axis {
        private final int runs;

        TimeAxis(int runs) {
            this.runs = runs;
        }

        public int[] ticks() {
            return new int[] {0, 60, 120, 180, 240, 300, 360};
        }

        public String tickLabel(int tick) {
            return tick + " s";
        }

        public double max() {
            return 360;
        }

        public double value(Outcome outcome) {
            return outcome.detected() >= 0.05 * runs ? outcome.medianLook() * 30 : Double.NaN;
        }
    }

    private static void panel(
            Graphics2D g,
            int x0,
            int y0,
            int width,
            String title,
            String xLabel,
            List<Scenario> points,
            List<RolloutJudge> judges,
            Map<Scenario, List<Outcome>> results,
            Axis axis) {
        int height = PANEL_HEIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, x0, y0 - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        for (int tick : axis.ticks()) {
            int y = y0 + height - (int) Math.round(tick / axis.max() * height);
            g.setColor(new Color(0xe0e0e0));
            g.setStroke(new BasicStroke(1f));
            g.drawLine(x0, y, x0 + width, y);
            g.setColor(Color.BLACK);
            String label = axis.tickLabel(tick);
            g.drawString(label, x0 - 8 - fm.stringWidth(label), y + 5);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, width, height);
        int n = points.size();
        int[] xs = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x0 + (int) ((i + 0.5) * width / n);
            String label = tick(points.get(i));
            g.drawString(label, xs[i] - fm.stringWidth(label) / 2, y0 + height + 20);
        }
        g.drawString(xLabel, x0 + width / 2 - fm.stringWidth(xLabel) / 2, y0 + height + 44);
        for (int j = 0; j < judges.size(); j++) {
            int offset = (j - 1) * 3;
            Integer previousX = null;
            Integer previousY = null;
            g.setColor(COLORS[j]);
            g.setStroke(new BasicStroke(3f));
            for (int i = 0; i < n; i++) {
                double v = axis.value(results.get(points.get(i)).get(j));
                if (Double.isNaN(v)) {
                    previousX = null;
                    continue;
                }
                int y = y0 + height - (int) Math.round(v / axis.max() * height) + offset;
                if (previousX != null) {
                    g.drawLine(previousX, previousY, xs[i], y);
                }
                marker(g, xs[i], y, j);
                previousX = xs[i];
                previousY = y;
            }
        }
    }

    /** Circle, square, triangle: the lines stay apart in grey print and where they overlap. */
    private static void marker(Graphics2D g, int x, int y, int judge) {
        int r = 6;
        switch (judge) {
            case 0 -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
            case 1 -> g.fillRect(x - r, y - r, 2 * r, 2 * r);
            default -> g.fillPolygon(new int[] {x - r - 1, x + r + 1, x}, new int[] {y + r, y + r, y - r - 2}, 3);
        }
    }

    private static String tick(Scenario s) {
        return switch (s.family()) {
            case "A/A" -> "A/A";
            case "errors" -> trim(100 * s.canaryErrorRate()) + "%";
            case "latency" -> String.format(Locale.ROOT, "+%s%%", trim(100 * s.effect()));
            default -> String.format(Locale.ROOT, "x%s", trim(s.effect()));
        };
    }

    private static String trim(double x) {
        return java.math.BigDecimal.valueOf(x)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
