package main

import (
	"encoding/json"
	"testing"
	"time"

	"voyager/argo"
)

// scripted answers one phase per call, in order.
type scripted struct {
	phases []string
	calls  int
	at     time.Time
}

func (s *scripted) Run(_ *argo.AnalysisRun, _ *runMetric) argo.Measurement {
	phase := s.phases[s.calls]
	s.calls++
	finished := argo.Time{Time: s.at}
	return argo.Measurement{Phase: argo.AnalysisPhase(phase), StartedAt: &finished, FinishedAt: &finished}
}

func (s *scripted) Resume(run *argo.AnalysisRun, m *runMetric, _ argo.Measurement) argo.Measurement {
	return s.Run(run, m)
}

func metric(name string, fields string, p provider) *runMetric {
	var spec metricSpec
	if err := json.Unmarshal([]byte(`{"name":"`+name+`","interval":"30s"`+fields+`}`), &spec); err != nil {
		panic(err)
	}
	return &runMetric{spec: spec, provider: p}
}

// drive reconciles the run once per scripted answer, each 31 s after the last, and returns the run phase
// after every step.
func drive(run *analysisRun, start time.Time, steps int, providers ...*scripted) []string {
	var phases []string
	now := start
	for i := 0; i < steps; i++ {
		for _, p := range providers {
			p.at = now
		}
		run.reconcile(now)
		phases = append(phases, run.phase)
		now = now.Add(31 * time.Second)
	}
	return phases
}

func TestOneFailedMeasurementOverFailureLimitZeroFailsTheRun(t *testing.T) {
	start := time.Unix(0, 0)
	judge := &scripted{phases: []string{"Inconclusive", "Successful", "Failed"}}
	guard := &scripted{phases: []string{"Successful", "Successful", "Successful"}}
	run := newAnalysisRun("background", nil, []*runMetric{
		metric("judge", `,"failureLimit":0,"inconclusiveLimit":4`, judge),
		metric("guard", `,"count":"0","failureLimit":0`, guard),
	}, start, timing{intervalScale: 1})

	phases := drive(run, start, 3, judge, guard)

	if phases[0] != phaseRunning || phases[1] != phaseRunning || phases[2] != phaseFailed {
		t.Fatalf("phases %v, want Running, Running, Failed", phases)
	}
	if run.message != `Metric "judge" assessed Failed due to failed (1) > failureLimit (0)` {
		t.Fatalf("message %q", run.message)
	}
}

func TestInconclusiveLooksPauseOnlyAfterMoreThanTheLimit(t *testing.T) {
	start := time.Unix(0, 0)
	judge := &scripted{phases: []string{"Inconclusive", "Inconclusive", "Inconclusive", "Inconclusive", "Inconclusive"}}
	run := newAnalysisRun("background", nil, []*runMetric{metric("judge", `,"inconclusiveLimit":4`, judge)}, start,
		timing{intervalScale: 1})

	phases := drive(run, start, 5, judge)

	if phases[3] != phaseRunning || phases[4] != phaseInconclusive {
		t.Fatalf("phases %v, want Running after 4 and Inconclusive after 5", phases)
	}
}

func TestErrorsEndTheRunOnlyWhenMoreConsecutiveThanTheLimit(t *testing.T) {
	start := time.Unix(0, 0)
	judge := &scripted{phases: []string{"Error", "Error", "Error", "Error", "Successful", "Error", "Error", "Error", "Error", "Error"}}
	run := newAnalysisRun("background", nil, []*runMetric{metric("judge", `,"consecutiveErrorLimit":4`, judge)}, start,
		timing{intervalScale: 1})

	phases := drive(run, start, 10, judge)

	for i, p := range phases[:9] {
		if p != phaseRunning {
			t.Fatalf("phase after measurement %d is %s, want Running (a success resets the count): %v", i+1, p, phases)
		}
	}
	if phases[9] != phaseError {
		t.Fatalf("phase after 5 consecutive errors %s, want Error", phases[9])
	}
	if run.metrics[0].result.Failed != 0 {
		t.Fatalf("errors counted as failures: %+v", run.metrics[0].result)
	}
}

func TestErrorsAreRetriedAfterTenSecondsWhateverTheInterval(t *testing.T) {
	start := time.Unix(0, 0)
	judge := &scripted{phases: []string{"Error", "Successful"}, at: start}
	run := newAnalysisRun("background", nil, []*runMetric{metric("judge", ``, judge)}, start, timing{intervalScale: 2})

	run.reconcile(start)

	if want := start.Add(5 * time.Second); !run.metrics[0].nextAt.Equal(want) {
		t.Fatalf("next measurement at %v, want 10 s / 2 after the error (%v)", run.metrics[0].nextAt, want)
	}
	judge.at = start.Add(5 * time.Second)
	run.reconcile(start.Add(5 * time.Second))
	if want := start.Add(20 * time.Second); !run.metrics[0].nextAt.Equal(want) {
		t.Fatalf("next measurement at %v, want the 30 s interval / 2 after a success (%v)", run.metrics[0].nextAt, want)
	}
}

func TestAGateOfTwoChecksSucceedsAfterTwoCountedMeasurementsNotCountingErrors(t *testing.T) {
	start := time.Unix(0, 0)
	guard := &scripted{phases: []string{"Successful", "Error", "Successful"}}
	run := newAnalysisRun("step-3", nil, []*runMetric{metric("guard", `,"count":"2","failureLimit":0`, guard)}, start,
		timing{intervalScale: 1})

	phases := drive(run, start, 3, guard)

	if phases[1] != phaseRunning || phases[2] != phaseSuccessful {
		t.Fatalf("phases %v, want Running until the second counted check, then Successful", phases)
	}
}

func TestErrorOutranksFailureWhenBothLimitsArePassed(t *testing.T) {
	m := metric("judge", `,"failureLimit":0,"consecutiveErrorLimit":0`, nil)
	m.result.Failed = 1
	m.result.ConsecutiveError = 1

	if phase, _ := limitPhase(m); phase != phaseError {
		t.Fatalf("phase %s, want Error (Argo checks the error limit last)", phase)
	}
}

func TestConditionsFollowArgosPrometheusProvider(t *testing.T) {
	spec := metricSpec{FailureCondition: "len(result) > 0 && result[0] < 0.98"}
	cases := []struct {
		values []float64
		want   string
	}{
		{[]float64{0.97}, phaseFailed},
		{[]float64{0.99}, phaseSuccessful},
		{nil, phaseSuccessful},
	}
	for _, c := range cases {
		got, err := evaluate(spec, c.values)
		if err != nil || got != c.want {
			t.Fatalf("evaluate(%v) = %s, %v; want %s", c.values, got, err, c.want)
		}
	}
	if _, err := evaluate(metricSpec{FailureCondition: "result[0] < 1 || true"}, []float64{1}); err == nil {
		t.Fatal("an expression the controller does not understand must be an error, not a pass")
	}
}

func TestTemplateArgumentsAreFilledWithDefaultsAndRunArguments(t *testing.T) {
	var tmpl templateDoc
	doc := `{"metadata":{"name":"g"},"spec":{"args":[{"name":"canary-hash"},{"name":"checks","value":"0"}],
		"metrics":[{"name":"m","count":"{{args.checks}}","provider":{"prometheus":{"query":"x{h=\"{{args.canary-hash}}\"}"}}}]}}`
	if err := json.Unmarshal([]byte(doc), &tmpl); err != nil {
		t.Fatal(err)
	}

	metrics, err := resolveMetrics(tmpl, map[string]string{"canary-hash": "abc", "checks": "2"})

	if err != nil || intValue(metrics[0].Count, -1) != 2 || metrics[0].Provider.Prometheus.Query != `x{h="abc"}` {
		t.Fatalf("resolved %+v, %v", metrics, err)
	}
	if _, err := resolveMetrics(tmpl, map[string]string{}); err == nil {
		t.Fatal("a template argument without a value must be refused")
	}
}

func TestInitialDelayHoldsTheFirstMeasurementThenTheIntervalTakesOverBothScaled(t *testing.T) {
	start := time.Unix(0, 0)
	judge := &scripted{phases: []string{"Successful", "Successful"}}
	run := newAnalysisRun("background", nil, []*runMetric{metric("judge", `,"initialDelay":"30s"`, judge)}, start,
		timing{intervalScale: 3})

	for _, at := range []time.Duration{0, 5 * time.Second, 9 * time.Second} {
		judge.at = start.Add(at)
		run.reconcile(start.Add(at))
		if judge.calls != 0 {
			t.Fatalf("measured at +%v, before the initial delay (30 s / 3)", at)
		}
	}
	judge.at = start.Add(10 * time.Second)
	run.reconcile(judge.at)
	if judge.calls != 1 {
		t.Fatalf("%d measurements at +10s, want the first one", judge.calls)
	}
	judge.at = start.Add(19 * time.Second)
	run.reconcile(judge.at)
	if judge.calls != 1 {
		t.Fatal("measured again before the interval (30 s / 3) had passed")
	}
	judge.at = start.Add(20 * time.Second)
	run.reconcile(judge.at)
	if judge.calls != 2 {
		t.Fatalf("%d measurements at +20s, want the second one", judge.calls)
	}
}
