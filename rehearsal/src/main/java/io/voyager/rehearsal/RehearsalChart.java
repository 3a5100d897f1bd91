package io.voyager.rehearsal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws one scenario: the canary weight (step line, right axis) and the success rate the load driver saw
 * from canary and from stable (left axis), with the measurements marked where the controller took them.
 * {@code RehearsalChart TITLE driver-timeline.csv controller-timeline.jsonl out.png}.
 */
public final class RehearsalChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 50;
    private static final int BOTTOM = 100;
    private static final Color CANARY = new Color(0xD9480F);
    private static final Color STABLE = new Color(0x1971C2);
    private static final Color WEIGHT = new Color(0x495057);

    private RehearsalChart() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: RehearsalChart TITLE DRIVER.csv CONTROLLER.jsonl OUT.png");
            System.exit(2);
        }
        RehearsalData data = RehearsalData.read(Path.of(args[1]), Path.of(args[2]));
        ImageIO.write(draw(args[0], data), "png", Path.of(args[3]).toFile());
    }

    static BufferedImage draw(String title, RehearsalData data) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double span = Math.max(10, data.endSeconds());
        double floor = successFloor(data);
        Axes axes = new Axes(span, floor);

        g.setColor(new Color(0xDEE2E6));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            double rate = floor + (1 - floor) * i / 4;
            int y = axes.rateY(rate);
            g.setColor(new Color(0xDEE2E6));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f%%", rate * 100), 8, y + 4);
            g.drawString((25 * i) + "%", WIDTH - RIGHT + 8, axes.weightY(25 * i) + 4);
        }
        for (int s = 0; s <= span; s += tickStep(span)) {
            int x = axes.x(s);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4);
            g.drawString(s + "s", x - 8, HEIGHT - BOTTOM + 18);
        }
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);

        plotRate(g, axes, data.stable(), STABLE);
        plotRate(g, axes, data.canary(), CANARY);
        plotWeight(g, axes, data.weights());
        for (RehearsalData.MeasurementMark m : data.measurements()) {
            g.setColor(markColor(m.phase()));
            int x = axes.x(m.seconds());
            int y = m.background() ? TOP + 8 : TOP + 20;
            g.fillOval(x - 4, y - 4, 8, 8);
        }

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendY = HEIGHT - 38;
        legend(g, LEFT, legendY, CANARY, "canary success rate (load driver, per second)");
        legend(g, LEFT + 330, legendY, STABLE, "stable success rate");
        legend(g, LEFT + 520, legendY, WEIGHT, "canary weight (right axis)");
        g.setColor(Color.DARK_GRAY);
        g.drawString(
                "dots: measurements (top row background analysis, second row step gates); green Successful, "
                        + "grey Inconclusive, red Failed, purple Error",
                LEFT,
                HEIGHT - 14);
        g.drawString("seconds since the canary started", WIDTH / 2 - 90, HEIGHT - BOTTOM + 32);
        g.dispose();
        return image;
    }

    /** The lowest success rate shown: a little below the worst second, at most 90% so small dips stay visible. */
    static double successFloor(RehearsalData data) {
        double worst = 1;
        for (List<RehearsalData.RatePoint> series : List.of(data.canary(), data.stable())) {
            for (RehearsalData.RatePoint p : series) {
                worst = Math.min(worst, p.rate());
            }
        }
        double floor = Math.floor((worst - 0.02) * 20) / 20;
        return Math.max(0, Math.min(0.9, floor));
    }

    private static int tickStep(double span) {
        for (int step : new int[] {5, 10, 15, 30, 60, 120}) {
            if (span / step <= 12) {
                return step;
            }
        }
        return 300;
    }

    private static void plotRate(Graphics2D g, Axes axes, List<RehearsalData.RatePoint> points, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.6f));
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (RehearsalData.RatePoint p : points) {
            double x = axes.x(p.seconds());
            double y = axes.rateY(Math.max(axes.floor, p.rate()));
            if (first) {
                path.moveTo(x, y);
                first = false;
            } else {
                path.lineTo(x, y);
            }
        }
        g.draw(path);
    }

    private static void plotWeight(Graphics2D g, Axes axes, List<RehearsalData.WeightPoint> weights) {
        g.setColor(WEIGHT);
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        Path2D path = new Path2D.Double();
        int current = 0;
        path.moveTo(axes.x(0), axes.weightY(0));
        for (RehearsalData.WeightPoint w : weights) {
            path.lineTo(axes.x(w.seconds()), axes.weightY(current));
            path.lineTo(axes.x(w.seconds()), axes.weightY(w.weight()));
            current = w.weight();
        }
        path.lineTo(axes.x(axes.span), axes.weightY(current));
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
    }

    private static Color markColor(String phase) {
        return switch (phase) {
            case "Successful" -> new Color(0x2F9E44);
            case "Failed" -> new Color(0xE03131);
            case "Error" -> new Color(0x9C36B5);
            default -> new Color(0x868E96);
        };
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y - 9, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 24, y - 3);
    }

    private record Axes(double span, double floor) {
        int x(double seconds) {
            return LEFT + (int) Math.round((WIDTH - LEFT - RIGHT) * Math.max(0, seconds) / span);
        }

        int rateY(double rate) {
            return TOP + (int) Math.round((HEIGHT - TOP - BOTTOM) * (1 - (rate - floor) / (1 - floor)));
        }

        int weightY(int weight) {
            return TOP + (int) Math.round((HEIGHT - TOP - BOTTOM) * (1 - weight / 100.0));
        }
    }
}
