package io.voyager.rollouts.prometheus;

import java.time.Duration;
import java.util.List;

/**
 * One metric's PromQL for one side, written either as a template or as a plain series selector.
 * <ul>
 *   <li>A template holds {@code ${selector}} inside a selector's braces; it is replaced by the side's
 *   matchers. {@code ${window}} and {@code ${step}} become the judged range and the series step.</li>
 *   <li>A plain series selector, {@code name} or {@code name{label="v"}}, gets the side's matchers appended
 *   inside its braces, and the kind's aggregation around it (see {@link #render}).</li>
 * </ul>
 */
public final class QueryTemplate {
    public static final String SELECTOR = "${selector}";
    public static final String WINDOW = "${window}";
    public static final String STEP = "${step}";

    private final String template;
    private final String plainName;
    private final LabelMatchers plainMatchers;

    private QueryTemplate(String template, String plainName, LabelMatchers plainMatchers) {
        this.template = template;
        this.plainName = plainName;
        this.plainMatchers = plainMatchers;
    }

    /** @throws IllegalArgumentException when the text is neither a template nor a plain series selector */
    public static QueryTemplate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (text.contains(SELECTOR)) {
            return new QueryTemplate(text, null, null);
        }
        String s = text.strip();
        int brace = s.indexOf('{');
        String name = brace < 0 ? s : s.substring(0, brace).strip();
        if (!name.isEmpty() && !name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException(
                    "must contain " + SELECTOR + " or be a plain series selector like name{label=\"value\"}");
        }
        LabelMatchers matchers = new LabelMatchers(List.of());
        if (brace >= 0) {
            if (!s.endsWith("}")) {
                throw new IllegalArgumentException(
                        "must contain " + SELECTOR + " or be a plain series selector like name{label=\"value\"}");
            }
            matchers = LabelMatchers.parseList(s.substring(brace + 1, s.length() - 1));
        }
        if (name.isEmpty() && matchers.matchers().isEmpty()) {
            throw new IllegalArgumentException("a series selector needs a metric name or a matcher");
        }
        return new QueryTemplate(null, name, matchers);
    }

    public boolean isPlainSelector() {
        return template == null;
    }

    /**
     * The query for one side.
     *
     * @param aggregation for a plain selector, how to wrap it, with {@code %s} for the side's selector and
     *     {@code ${window}} for the range, e.g. {@code sum(increase(%s[${window}]))}; ignored for templates
     */
    public String render(LabelMatchers side, Duration window, Duration step, String aggregation) {
        String query;
        if (template != null) {
            query = template.replace(SELECTOR, side.render());
        } else {
            String all =
                    plainMatchers.matchers().isEmpty() ? side.render() : plainMatchers.render() + "," + side.render();
            query = aggregation.replace("%s", plainName + "{" + all + "}");
        }
        return query.replace(WINDOW, range(window)).replace(STEP, range(step));
    }

    /** A PromQL range in whole seconds, at least one. */
    static String range(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000) + "s";
    }

    @Override
    public String toString() {
        return template != null ? template : plainName + "{" + plainMatchers.render() + "}";
    }
}
