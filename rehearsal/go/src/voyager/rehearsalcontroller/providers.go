package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"voyager/argo"
)

// pluginProvider calls the metric-provider plugin over go-plugin net/rpc, as Argo's plugin client does.
type pluginProvider struct {
	client *argo.ProviderClient
}

func (p *pluginProvider) Run(run *argo.AnalysisRun, m *runMetric) argo.Measurement {
	var out argo.Measurement
	if err := p.client.Call("Run", argo.RunArgs{AnalysisRun: run, Metric: m.argo}, &out); err != nil {
		return errorMeasurement(time.Now(), "plugin Run: "+err.Error())
	}
	return out
}

func (p *pluginProvider) Resume(run *argo.AnalysisRun, m *runMetric, inFlight argo.Measurement) argo.Measurement {
	var out argo.Measurement
	args := argo.TerminateAndResumeArgs{AnalysisRun: run, Metric: m.argo, Measurement: inFlight}
	if err := p.client.Call("Resume", args, &out); err != nil {
		return errorMeasurement(time.Now(), "plugin Resume: "+err.Error())
	}
	return out
}

// prometheusProvider is Argo's built-in Prometheus provider: an instant query, the vector's values as
// `result`, and the metric's failure/success condition over them.
type prometheusProvider struct {
	address string
	http    *http.Client
}

func (p *prometheusProvider) Resume(run *argo.AnalysisRun, m *runMetric, inFlight argo.Measurement) argo.Measurement {
	return p.Run(run, m)
}

func (p *prometheusProvider) Run(_ *argo.AnalysisRun, m *runMetric) argo.Measurement {
	started := time.Now()
	spec := m.spec.Provider.Prometheus
	timeout := 30 * time.Second
	if spec.Timeout != nil && *spec.Timeout > 0 {
		timeout = time.Duration(*spec.Timeout) * time.Second
	}
	values, err := p.query(spec.Query, timeout)
	if err != nil {
		return errorMeasurement(started, err.Error())
	}
	phase, err := evaluate(m.spec, values)
	if err != nil {
		return errorMeasurement(started, err.Error())
	}
	finished := argo.Time{Time: time.Now()}
	return argo.Measurement{Phase: argo.AnalysisPhase(phase), Value: formatValues(values),
		StartedAt: &argo.Time{Time: started}, FinishedAt: &finished}
}

func (p *prometheusProvider) query(q string, timeout time.Duration) ([]float64, error) {
	client := *p.http
	client.Timeout = timeout
	resp, err := client.Get(p.address + "/api/v1/query?query=" + url.QueryEscape(q))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	var parsed struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string          `json:"resultType"`
			Result     json.RawMessage `json:"result"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &parsed); err != nil {
		return nil, fmt.Errorf("prometheus answered %d: %s", resp.StatusCode, truncate(string(body), 200))
	}
	if parsed.Status != "success" {
		return nil, fmt.Errorf("prometheus: %s", parsed.Error)
	}
	switch parsed.Data.ResultType {
	case "vector":
		var vector []struct {
			Value [2]interface{} `json:"value"`
		}
		if err := json.Unmarshal(parsed.Data.Result, &vector); err != nil {
			return nil, err
		}
		values := make([]float64, 0, len(vector))
		for _, s := range vector {
			values = append(values, parseSample(s.Value[1]))
		}
		return values, nil
	case "scalar":
		var scalar [2]interface{}
		if err := json.Unmarshal(parsed.Data.Result, &scalar); err != nil {
			return nil, err
		}
		return []float64{parseSample(scalar[1])}, nil
	default:
		return nil, fmt.Errorf("unsupported prometheus result type %q", parsed.Data.ResultType)
	}
}

func parseSample(v interface{}) float64 {
	s, _ := v.(string)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

func formatValues(values []float64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = strconv.FormatFloat(v, 'g', 6, 64)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// The conditions the templates use: `len(result) > 0 && result[0] OP NUMBER`, or `result[0] OP NUMBER`.
// Any other expression is an Error measurement, so a changed template cannot pass unexamined.
var conditionPattern = regexp.MustCompile(`^\s*(len\(result\)\s*>\s*0\s*&&\s*)?result\[0\]\s*(<=|>=|<|>|==|!=)\s*([0-9.eE+-]+)\s*$`)

func condition(expr string, values []float64) (bool, error) {
	match := conditionPattern.FindStringSubmatch(expr)
	if match == nil {
		return false, fmt.Errorf("condition not understood by the rehearsal controller: %q", expr)
	}
	if len(values) == 0 {
		if match[1] != "" {
			return false, nil
		}
		return false, fmt.Errorf("reflect: slice index out of range (empty result)")
	}
	limit, err := strconv.ParseFloat(match[3], 64)
	if err != nil {
		return false, err
	}
	v := values[0]
	switch match[2] {
	case "<":
		return v < limit, nil
	case "<=":
		return v <= limit, nil
	case ">":
		return v > limit, nil
	case ">=":
		return v >= limit, nil
	case "==":
		return v == limit, nil
	default:
		return v != limit, nil
	}
}

// evaluate follows Argo's EvaluateResult: failure first, then success; with only a failure condition,
// not failing is success; with only a success condition, not succeeding is failure.
func evaluate(spec metricSpec, values []float64) (string, error) {
	if spec.FailureCondition != "" {
		failed, err := condition(spec.FailureCondition, values)
		if err != nil {
			return "", err
		}
		if failed {
			return phaseFailed, nil
		}
	}
	if spec.SuccessCondition != "" {
		ok, err := condition(spec.SuccessCondition, values)
		if err != nil {
			return "", err
		}
		if ok {
			return phaseSuccessful, nil
		}
		if spec.FailureCondition == "" {
			return phaseFailed, nil
		}
		return phaseInconclusive, nil
	}
	return phaseSuccessful, nil
}

func errorMeasurement(started time.Time, message string) argo.Measurement {
	finished := argo.Time{Time: time.Now()}
	return argo.Measurement{Phase: phaseError, Message: message, StartedAt: &argo.Time{Time: started}, FinishedAt: &finished}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
