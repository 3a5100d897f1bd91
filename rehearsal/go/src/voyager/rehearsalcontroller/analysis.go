package main

import (
	"fmt"
	"sync"
	"time"

	"voyager/argo"
)

// Argo's defaults (analysis/analysis.go): errors are retried after 10 s whatever the metric's interval,
// a metric tolerates 4 consecutive errors, and the controller keeps the last 10 measurements.
const (
	defaultConsecutiveErrorLimit = 4
	defaultErrorRetryInterval    = 10 * time.Second
	measurementHistoryLimit      = 10
)

const (
	phasePending      = "Pending"
	phaseRunning      = "Running"
	phaseSuccessful   = "Successful"
	phaseFailed       = "Failed"
	phaseError        = "Error"
	phaseInconclusive = "Inconclusive"
)

func completed(phase string) bool {
	return phase == phaseSuccessful || phase == phaseFailed || phase == phaseError || phase == phaseInconclusive
}

// worse orders completed phases as Argo's IsWorse does: Successful < Inconclusive < Error < Failed.
func worse(a, b string) bool {
	rank := map[string]int{phaseSuccessful: 0, phaseInconclusive: 1, phaseError: 2, phaseFailed: 3}
	return rank[b] > rank[a]
}

// provider takes one measurement of one metric.
type provider interface {
	Run(run *argo.AnalysisRun, m *runMetric) argo.Measurement
	Resume(run *argo.AnalysisRun, m *runMetric, inFlight argo.Measurement) argo.Measurement
}

type runMetric struct {
	spec     metricSpec
	argo     argo.Metric
	provider provider
	result   argo.MetricResult
	nextAt   time.Time
}

// analysisRun imitates one AnalysisRun: measurements on schedule, Argo's counters, and its assessment.
type analysisRun struct {
	name      string
	args      map[string]string
	startedAt time.Time
	metrics   []*runMetric
	phase     string
	message   string
	timing    timing
	terminate bool
	observe   func(run *analysisRun, m *runMetric, measurement argo.Measurement)
}

// timing scales the measurement clock: intervals, initial delays and the error retry divide by intervalScale.
type timing struct {
	intervalScale float64
}

func (t timing) scale(d time.Duration) time.Duration {
	return time.Duration(float64(d) / t.intervalScale)
}

func newAnalysisRun(name string, args map[string]string, metrics []*runMetric, now time.Time, t timing) *analysisRun {
	run := &analysisRun{name: name, args: args, startedAt: now, metrics: metrics, phase: phaseRunning, timing: t}
	for _, m := range metrics {
		m.result = argo.MetricResult{Name: m.spec.Name, Phase: phasePending}
		// Argo takes no measurement of a metric before run start + initialDelay; it scales with the intervals.
		delay, _ := parseDuration(m.spec.InitialDelay)
		m.nextAt = now.Add(t.scale(delay))
	}
	return run
}

func (r *analysisRun) metricCompleted(m *runMetric) bool { return completed(string(m.result.Phase)) }

func (r *analysisRun) terminating() bool {
	if r.terminate {
		return true
	}
	for _, m := range r.metrics {
		switch string(m.result.Phase) {
		case phaseFailed, phaseError, phaseInconclusive:
			return true
		}
	}
	return false
}

// reconcile takes the measurements that are due (in parallel, as the controller does) and assesses the run.
func (r *analysisRun) reconcile(now time.Time) {
	if completed(r.phase) {
		return
	}
	terminating := r.terminating()
	var due []*runMetric
	for _, m := range r.metrics {
		if r.metricCompleted(m) {
			continue
		}
		last := lastMeasurement(m)
		inFlight := last != nil && last.FinishedAt == nil
		if terminating && !inFlight {
			continue
		}
		if !now.Before(m.nextAt) {
			due = append(due, m)
		}
	}
	snapshot := r.argoRun()
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, m := range due {
		wg.Add(1)
		go func(m *runMetric) {
			defer wg.Done()
			var meas argo.Measurement
			if last := lastMeasurement(m); last != nil && last.FinishedAt == nil {
				meas = m.provider.Resume(snapshot, m, *last)
			} else {
				meas = m.provider.Run(snapshot, m)
			}
			mu.Lock()
			defer mu.Unlock()
			r.record(m, meas)
		}(m)
	}
	wg.Wait()
	r.assess()
	if r.terminating() && !completed(r.phase) {
		// Argo requeues the run at once when a metric completes badly; that next pass takes no new
		// measurement and completes the run.
		r.assess()
	}
}

// record books a measurement into the metric's result as runMeasurements does, and schedules the next one.
func (r *analysisRun) record(m *runMetric, meas argo.Measurement) {
	finished := time.Now()
	phase := string(meas.Phase)
	if completed(phase) {
		if meas.FinishedAt == nil {
			meas.FinishedAt = &argo.Time{Time: finished}
		}
		switch phase {
		case phaseSuccessful:
			m.result.Successful++
			m.result.Count++
			m.result.ConsecutiveError = 0
		case phaseFailed:
			m.result.Failed++
			m.result.Count++
			m.result.ConsecutiveError = 0
		case phaseInconclusive:
			m.result.Inconclusive++
			m.result.Count++
			m.result.ConsecutiveError = 0
		case phaseError:
			m.result.Error++
			m.result.ConsecutiveError++
		}
	}
	last := lastMeasurement(m)
	if last != nil && last.FinishedAt == nil {
		m.result.Measurements[len(m.result.Measurements)-1] = meas
	} else {
		m.result.Measurements = append(m.result.Measurements, meas)
	}
	if n := len(m.result.Measurements); n > measurementHistoryLimit {
		m.result.Measurements = m.result.Measurements[n-measurementHistoryLimit:]
	}
	switch {
	case !completed(phase) && meas.ResumeAt != nil:
		m.nextAt = meas.ResumeAt.Time
	case !completed(phase):
		m.nextAt = finished.Add(time.Second)
	case phase == phaseError:
		m.nextAt = meas.FinishedAt.Add(r.timing.scale(defaultErrorRetryInterval))
	default:
		interval, _ := parseDuration(m.spec.Interval)
		if interval == 0 {
			interval = defaultErrorRetryInterval
		}
		m.nextAt = meas.FinishedAt.Add(r.timing.scale(interval))
	}
	if r.observe != nil {
		r.observe(r, m, meas)
	}
}

func lastMeasurement(m *runMetric) *argo.Measurement {
	if len(m.result.Measurements) == 0 {
		return nil
	}
	return &m.result.Measurements[len(m.result.Measurements)-1]
}

// assess applies assessMetricStatus to every metric and assessRunStatus to the run.
func (r *analysisRun) assess() {
	terminating := r.terminating()
	everythingCompleted := true
	worst := ""
	for _, m := range r.metrics {
		status := assessMetric(m, terminating)
		if status != string(m.result.Phase) {
			if last := lastMeasurement(m); last != nil {
				m.result.Message = last.Message
			}
			m.result.Phase = argo.AnalysisPhase(status)
		}
		if !completed(status) {
			everythingCompleted = false
			continue
		}
		if worst == "" || worse(worst, status) {
			worst = status
			if reason := limitReason(m); reason != "" {
				r.message = fmt.Sprintf("Metric %q assessed %s due to %s", m.spec.Name, status, reason)
			}
		}
	}
	switch {
	case terminating && worst == "":
		r.phase = phaseSuccessful
	case terminating:
		r.phase = worst
	case everythingCompleted && worst != "":
		r.phase = worst
	}
}

func assessMetric(m *runMetric, terminating bool) string {
	if completed(string(m.result.Phase)) {
		return string(m.result.Phase)
	}
	if len(m.result.Measurements) == 0 {
		if terminating {
			return phaseSuccessful
		}
		return phasePending
	}
	if !completed(string(lastMeasurement(m).Phase)) {
		return phaseRunning
	}
	if phase, _ := limitPhase(m); phase != "" {
		return phase
	}
	count := intValue(m.spec.Count, 0)
	if count == 0 && m.spec.Interval == "" {
		count = 1
	}
	if count > 0 && int(m.result.Count) >= count {
		return phaseSuccessful
	}
	if terminating {
		return phaseSuccessful
	}
	return phaseRunning
}

// limitPhase is assessMetricFailureInconclusiveOrError: the later checks win, so Error beats
// Inconclusive beats Failed when several limits are passed at once.
func limitPhase(m *runMetric) (string, string) {
	phase, reason := "", ""
	failureLimit := intValue(m.spec.FailureLimit, 0)
	if failureLimit >= 0 && int(m.result.Failed) > failureLimit {
		phase, reason = phaseFailed, fmt.Sprintf("failed (%d) > failureLimit (%d)", m.result.Failed, failureLimit)
	}
	inconclusiveLimit := intValue(m.spec.InconclusiveLimit, 0)
	if int(m.result.Inconclusive) > inconclusiveLimit {
		phase, reason = phaseInconclusive, fmt.Sprintf("inconclusive (%d) > inconclusiveLimit (%d)", m.result.Inconclusive, inconclusiveLimit)
	}
	errorLimit := intValue(m.spec.ConsecutiveErrorLimit, defaultConsecutiveErrorLimit)
	if int(m.result.ConsecutiveError) > errorLimit {
		phase, reason = phaseError, fmt.Sprintf("consecutiveErrors (%d) > consecutiveErrorLimit (%d)", m.result.ConsecutiveError, errorLimit)
	}
	return phase, reason
}

func limitReason(m *runMetric) string {
	_, reason := limitPhase(m)
	return reason
}

// argoRun is the AnalysisRun as the controller sends it to a plugin: spec, args and status so far.
func (r *analysisRun) argoRun() *argo.AnalysisRun {
	run := &argo.AnalysisRun{
		TypeMeta:   argo.TypeMeta{Kind: "AnalysisRun", APIVersion: "argoproj.io/v1alpha1"},
		ObjectMeta: argo.ObjectMeta{Name: r.name, Namespace: "voyager", CreationTimestamp: argo.Time{Time: r.startedAt}},
	}
	for _, m := range r.metrics {
		run.Spec.Metrics = append(run.Spec.Metrics, m.argo)
		res := m.result
		res.Measurements = append([]argo.Measurement(nil), m.result.Measurements...)
		run.Status.MetricResults = append(run.Status.MetricResults, res)
	}
	for k, v := range r.args {
		value := v
		run.Spec.Args = append(run.Spec.Args, argo.Argument{Name: k, Value: &value})
	}
	started := argo.Time{Time: r.startedAt}
	run.Status.StartedAt = &started
	run.Status.Phase = argo.AnalysisPhase(r.phase)
	return run
}
