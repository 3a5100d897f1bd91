package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"voyager/argo"
)

// outcome is what the rollout ended as, with the evidence a reader needs to judge the decision.
type outcome struct {
	Outcome            string                  `json:"outcome"` // Healthy (promoted), Aborted, Paused, TimedOut
	Reason             string                  `json:"reason"`
	DecidedBy          string                  `json:"decidedBy"`
	DecisiveMetric     string                  `json:"decisiveMetric"`
	Decisive           *measurementView        `json:"decisiveMeasurement,omitempty"`
	WeightAtDecision   int                     `json:"weightAtDecision"`
	MaxWeight          int                     `json:"maxWeight"`
	StepsCompleted     int                     `json:"stepsCompleted"`
	Steps              int                     `json:"steps"`
	CanaryStartMs      int64                   `json:"canaryStartMs"`
	DecisionSeconds    float64                 `json:"decisionSeconds"`
	FirstFailedSeconds *float64                `json:"firstFailedSeconds,omitempty"`
	Metrics            map[string]*metricCount `json:"metrics"`
}

type measurementView struct {
	Run      string            `json:"run"`
	Metric   string            `json:"metric"`
	Phase    string            `json:"phase"`
	Value    string            `json:"value,omitempty"`
	Message  string            `json:"message,omitempty"`
	Metadata map[string]string `json:"metadata,omitempty"`
	Seconds  float64           `json:"seconds"`
}

type metricCount struct {
	Successful   int `json:"successful"`
	Failed       int `json:"failed"`
	Inconclusive int `json:"inconclusive"`
	Error        int `json:"error"`
}

type controller struct {
	cfg         config
	rollout     rolloutDoc
	templates   map[string]templateDoc
	plugin      provider
	prom        provider
	out         *timeline
	weight      int
	canaryStart time.Time
	result      outcome
	last        map[string]measurementView
}

const tick = 100 * time.Millisecond

// warmUp makes one throwaway Run of every plugin metric of the background analysis. In a cluster the plugin
// process lives as long as the controller and is warm when a rollout starts; a fresh JVM's first call would
// otherwise delay the first look by seconds, and every later look with it (the next look is due one interval
// after the previous one finished).
func (c *controller) warmUp() {
	ref := c.rollout.Spec.Strategy.Canary.Analysis
	if ref == nil {
		return
	}
	run, err := c.newRun("warm-up", ref, time.Now())
	if err != nil {
		return
	}
	run.observe = nil
	snapshot := run.argoRun()
	for _, m := range run.metrics {
		if m.provider == c.plugin {
			started := time.Now()
			meas := m.provider.Run(snapshot, m)
			c.out.note("plugin warm-up call for %s: %s in %d ms (not part of the rollout)", m.spec.Name, meas.Phase,
				time.Since(started).Milliseconds())
		}
	}
}

func (c *controller) runRollout() outcome {
	steps := c.rollout.Spec.Strategy.Canary.Steps
	c.result = outcome{Steps: len(steps), Metrics: map[string]*metricCount{}}
	c.last = map[string]measurementView{}
	c.canaryStart = time.Now()
	c.result.CanaryStartMs = c.canaryStart.UnixMilli()
	c.out.start = c.canaryStart
	c.out.note("rollout started: %d steps, pauses compressed %gx, measurement intervals divided by %g",
		len(steps), c.cfg.pauseFactor, c.cfg.intervalScale)
	deadline := c.canaryStart.Add(c.cfg.deadline)

	var background, stepRun *analysisRun
	var pauseUntil time.Time
	idx := 0
	for {
		now := time.Now()
		if now.After(deadline) {
			c.setWeight(0, "deadline passed")
			return c.finish("TimedOut", fmt.Sprintf("no decision within %s", c.cfg.deadline), "", nil)
		}
		for idx < len(steps) && stepRun == nil {
			s := steps[idx]
			if s.SetWeight != nil {
				c.setWeight(*s.SetWeight, fmt.Sprintf("step %d/%d setWeight", idx+1, len(steps)))
				idx++
				continue
			}
			if s.Pause != nil {
				if pauseUntil.IsZero() {
					d, err := parseDuration(s.Pause.Duration)
					if err != nil {
						return c.finish("Aborted", "bad pause duration: "+err.Error(), "", nil)
					}
					scaled := time.Duration(float64(d) / c.cfg.pauseFactor)
					pauseUntil = now.Add(scaled)
					c.out.event(map[string]interface{}{"event": "pause", "step": idx + 1, "duration": s.Pause.Duration,
						"compressed": scaled.Seconds()}, "step %d/%d pause %s (compressed to %.1fs)", idx+1, len(steps), s.Pause.Duration, scaled.Seconds())
				}
				if now.Before(pauseUntil) {
					break
				}
				pauseUntil = time.Time{}
				idx++
				continue
			}
			if s.Analysis != nil {
				run, err := c.newRun(fmt.Sprintf("step-%d", idx+1), s.Analysis, now)
				if err != nil {
					return c.finish("Aborted", err.Error(), "", nil)
				}
				stepRun = run
				c.out.event(map[string]interface{}{"event": "analysis", "run": run.name, "step": idx + 1},
					"step %d/%d analysis %s started (%s)", idx+1, len(steps), run.name, metricNames(run))
				break
			}
			idx++
		}
		if background == nil && c.rollout.Spec.Strategy.Canary.Analysis != nil {
			run, err := c.newRun("background", c.rollout.Spec.Strategy.Canary.Analysis, now)
			if err != nil {
				return c.finish("Aborted", err.Error(), "", nil)
			}
			background = run
			c.out.event(map[string]interface{}{"event": "analysis", "run": run.name},
				"background analysis started (%s)", metricNames(run))
		}
		c.result.StepsCompleted = idx
		for _, run := range []*analysisRun{background, stepRun} {
			if run == nil {
				continue
			}
			run.reconcile(time.Now())
			switch run.phase {
			case phaseFailed, phaseError:
				c.result.WeightAtDecision = c.weight
				c.setWeight(0, "abort: rollback to stable")
				return c.finish("Aborted", run.message, run.name, run)
			case phaseInconclusive:
				return c.finish("Paused", run.message, run.name, run)
			}
		}
		if stepRun != nil && stepRun.phase == phaseSuccessful {
			c.out.event(map[string]interface{}{"event": "analysis-done", "run": stepRun.name, "phase": stepRun.phase},
				"%s Successful: gate passed at %d%%", stepRun.name, c.weight)
			stepRun = nil
			idx++
			continue
		}
		if idx >= len(steps) && stepRun == nil {
			if background != nil {
				background.terminate = true
				background.reconcile(time.Now())
			}
			c.result.StepsCompleted = idx
			return c.finish("Healthy", "all steps completed: canary promoted to stable", "", background)
		}
		time.Sleep(tick)
	}
}

func metricNames(run *analysisRun) string {
	var names []string
	for _, m := range run.metrics {
		names = append(names, m.spec.Name)
	}
	return strings.Join(names, ", ")
}

func (c *controller) setWeight(w int, why string) {
	if w > c.result.MaxWeight {
		c.result.MaxWeight = w
	}
	c.weight = w
	weights := make([]string, 0, c.cfg.stableTargets+1)
	for i := 0; i < c.cfg.stableTargets; i++ {
		weights = append(weights, fmt.Sprint(100-w))
	}
	weights = append(weights, fmt.Sprint(c.cfg.stableTargets*w))
	tmp := c.cfg.weightsFile + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Join(weights, " ")+"\n"), 0o644); err == nil {
		err = os.Rename(tmp, c.cfg.weightsFile)
		if err != nil {
			c.out.note("cannot move weights file: %v", err)
		}
	} else {
		c.out.note("cannot write weights file: %v", err)
	}
	c.out.event(map[string]interface{}{"event": "weight", "weight": w, "why": why}, "weight %d%% (%s)", w, why)
}

// newRun builds an AnalysisRun from a Rollout's analysis reference: the templates' metrics merged, with
// the arguments resolved (podTemplateHashValue Latest = canary, Stable = stable).
func (c *controller) newRun(name string, ref *analysisRef, now time.Time) (*analysisRun, error) {
	args := map[string]string{}
	for _, a := range ref.Args {
		switch {
		case a.Value != nil:
			args[a.Name] = *a.Value
		case a.ValueFrom != nil && a.ValueFrom.PodTemplateHashValue == "Latest":
			args[a.Name] = c.cfg.canaryHash
		case a.ValueFrom != nil && a.ValueFrom.PodTemplateHashValue == "Stable":
			args[a.Name] = c.cfg.stableHash
		default:
			return nil, fmt.Errorf("%s: argument %s has no value the rehearsal can give", name, a.Name)
		}
	}
	var metrics []*runMetric
	for _, t := range ref.Templates {
		tmpl, ok := c.templates[t.TemplateName]
		if !ok {
			return nil, fmt.Errorf("%s: AnalysisTemplate %s not found", name, t.TemplateName)
		}
		specs, err := resolveMetrics(tmpl, args)
		if err != nil {
			return nil, err
		}
		for _, spec := range specs {
			m, err := c.runMetric(spec)
			if err != nil {
				return nil, err
			}
			metrics = append(metrics, m)
		}
	}
	run := newAnalysisRun(name, args, metrics, now, timing{intervalScale: c.cfg.intervalScale})
	run.observe = c.observe
	return run, nil
}

func (c *controller) runMetric(spec metricSpec) (*runMetric, error) {
	m := &runMetric{spec: spec}
	m.argo = argo.Metric{
		Name:                  spec.Name,
		Interval:              argo.DurationString(spec.Interval),
		Count:                 intOrString(spec.Count),
		SuccessCondition:      spec.SuccessCondition,
		FailureCondition:      spec.FailureCondition,
		FailureLimit:          intOrString(spec.FailureLimit),
		InconclusiveLimit:     intOrString(spec.InconclusiveLimit),
		ConsecutiveErrorLimit: intOrString(spec.ConsecutiveErrorLimit),
	}
	switch {
	case len(spec.Provider.Plugin) > 0:
		m.argo.Provider.Plugin = map[string][]byte{}
		for name, raw := range spec.Provider.Plugin {
			var cfg map[string]interface{}
			if err := json.Unmarshal(raw, &cfg); err != nil {
				return nil, fmt.Errorf("metric %s: plugin config: %v", spec.Name, err)
			}
			// The one change to the template: Prometheus on loopback instead of the in-cluster Service.
			if prom, ok := cfg["prometheus"].(map[string]interface{}); ok {
				prom["address"] = c.cfg.prometheus
			}
			data, _ := json.Marshal(cfg)
			m.argo.Provider.Plugin[name] = data
		}
		m.provider = c.plugin
	case spec.Provider.Prometheus != nil:
		spec.Provider.Prometheus.Address = c.cfg.prometheus
		m.spec = spec
		m.argo.Provider.Prometheus = &argo.PrometheusMetric{Address: c.cfg.prometheus, Query: spec.Provider.Prometheus.Query,
			Timeout: spec.Provider.Prometheus.Timeout}
		m.provider = c.prom
	default:
		return nil, fmt.Errorf("metric %s: only plugin and prometheus providers are rehearsed", spec.Name)
	}
	return m, nil
}

func intOrString(raw json.RawMessage) *argo.IntOrString {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var n int32
	if json.Unmarshal(raw, &n) == nil {
		return &argo.IntOrString{Type: 0, IntVal: n}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &argo.IntOrString{Type: 1, StrVal: s}
	}
	return nil
}

func (c *controller) observe(run *analysisRun, m *runMetric, meas argo.Measurement) {
	seconds := time.Since(c.canaryStart).Seconds()
	view := measurementView{Run: run.name, Metric: m.spec.Name, Phase: string(meas.Phase), Value: meas.Value,
		Message: meas.Message, Metadata: meas.Metadata, Seconds: seconds}
	c.last[run.name+"/"+m.spec.Name] = view
	key := run.name + "/" + m.spec.Name
	count := c.result.Metrics[key]
	if count == nil {
		count = &metricCount{}
		c.result.Metrics[key] = count
	}
	switch view.Phase {
	case phaseSuccessful:
		count.Successful++
	case phaseFailed:
		count.Failed++
		if c.result.FirstFailedSeconds == nil {
			s := seconds
			c.result.FirstFailedSeconds = &s
		}
	case phaseInconclusive:
		count.Inconclusive++
	case phaseError:
		count.Error++
	}
	c.out.measurement(c.weight, view)
}

func (c *controller) finish(result, reason, decidedBy string, run *analysisRun) outcome {
	c.result.Outcome = result
	c.result.Reason = reason
	c.result.DecidedBy = decidedBy
	if result != "Aborted" {
		c.result.WeightAtDecision = c.weight
	}
	c.result.DecisionSeconds = time.Since(c.canaryStart).Seconds()
	if run != nil && result != "Healthy" {
		for _, m := range run.metrics {
			if phase := string(m.result.Phase); phase == run.phase {
				c.result.DecisiveMetric = m.spec.Name
				if view, ok := c.last[run.name+"/"+m.spec.Name]; ok {
					c.result.Decisive = &view
					c.result.DecisionSeconds = view.Seconds
				}
				break
			}
		}
	}
	c.out.event(map[string]interface{}{"event": "verdict", "outcome": result, "reason": reason, "run": decidedBy,
		"weight": c.weight}, "ROLLOUT %s: %s", result, reason)
	if c.result.Decisive != nil {
		c.out.note("decided by %s/%s at +%.1fs: %s %q", decidedBy, c.result.DecisiveMetric, c.result.Decisive.Seconds,
			c.result.Decisive.Phase, c.result.Decisive.Message)
		keys := make([]string, 0, len(c.result.Decisive.Metadata))
		for k := range c.result.Decisive.Metadata {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.out.note("  %s = %s", k, c.result.Decisive.Metadata[k])
		}
	}
	return c.result
}
