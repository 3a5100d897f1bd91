package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// The Rollout and AnalysisTemplate fields the controller acts on, as JSON rendered from src-deploy's YAML.

type rolloutDoc struct {
	Spec struct {
		Strategy struct {
			Canary struct {
				Analysis *analysisRef `json:"analysis"`
				Steps    []step       `json:"steps"`
			} `json:"canary"`
		} `json:"strategy"`
	} `json:"spec"`
}

type step struct {
	SetWeight *int `json:"setWeight"`
	Pause     *struct {
		Duration string `json:"duration"`
	} `json:"pause"`
	Analysis *analysisRef `json:"analysis"`
}

type analysisRef struct {
	Templates []struct {
		TemplateName string `json:"templateName"`
	} `json:"templates"`
	Args []rolloutArg `json:"args"`
}

type rolloutArg struct {
	Name      string  `json:"name"`
	Value     *string `json:"value"`
	ValueFrom *struct {
		PodTemplateHashValue string `json:"podTemplateHashValue"`
	} `json:"valueFrom"`
}

type templateDoc struct {
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Spec struct {
		Args []struct {
			Name  string  `json:"name"`
			Value *string `json:"value"`
		} `json:"args"`
		Metrics []json.RawMessage `json:"metrics"`
	} `json:"spec"`
}

// metricSpec is one template metric after argument resolution.
type metricSpec struct {
	Name                  string          `json:"name"`
	Interval              string          `json:"interval"`
	InitialDelay          string          `json:"initialDelay"`
	Count                 json.RawMessage `json:"count"`
	FailureCondition      string          `json:"failureCondition"`
	SuccessCondition      string          `json:"successCondition"`
	FailureLimit          json.RawMessage `json:"failureLimit"`
	InconclusiveLimit     json.RawMessage `json:"inconclusiveLimit"`
	ConsecutiveErrorLimit json.RawMessage `json:"consecutiveErrorLimit"`
	Provider              struct {
		Prometheus *struct {
			Address string `json:"address"`
			Timeout *int64 `json:"timeout"`
			Query   string `json:"query"`
		} `json:"prometheus"`
		Plugin map[string]json.RawMessage `json:"plugin"`
	} `json:"provider"`
}

func readJSON(path string, into interface{}) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// resolveArgs fills a template's {{args.NAME}} placeholders the way Argo does: textually, in the
// metric's JSON, with the run's arguments over the template's defaults.
func resolveMetrics(t templateDoc, args map[string]string) ([]metricSpec, error) {
	values := map[string]string{}
	for _, a := range t.Spec.Args {
		if a.Value != nil {
			values[a.Name] = *a.Value
		}
	}
	for k, v := range args {
		values[k] = v
	}
	for _, a := range t.Spec.Args {
		if _, ok := values[a.Name]; !ok {
			return nil, fmt.Errorf("template %s: argument %s has no value", t.Metadata.Name, a.Name)
		}
	}
	var metrics []metricSpec
	for _, raw := range t.Spec.Metrics {
		text := string(raw)
		for k, v := range values {
			quoted, _ := json.Marshal(v)
			text = strings.ReplaceAll(text, "{{args."+k+"}}", string(quoted[1:len(quoted)-1]))
		}
		if strings.Contains(text, "{{args.") {
			return nil, fmt.Errorf("template %s: unresolved argument in %s", t.Metadata.Name, text)
		}
		var m metricSpec
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			return nil, fmt.Errorf("template %s: %v", t.Metadata.Name, err)
		}
		for field, value := range map[string]string{"interval": m.Interval, "initialDelay": m.InitialDelay} {
			if _, err := parseDuration(value); err != nil {
				return nil, fmt.Errorf("template %s: metric %s: %s %q: %v", t.Metadata.Name, m.Name, field, value, err)
			}
		}
		metrics = append(metrics, m)
	}
	return metrics, nil
}

// intValue reads an int-or-string field (count: "2", failureLimit: 0), with a default when absent.
func intValue(raw json.RawMessage, def int) int {
	if len(raw) == 0 || string(raw) == "null" {
		return def
	}
	var n int
	if json.Unmarshal(raw, &n) == nil {
		return n
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			return v
		}
	}
	return def
}

// parseDuration accepts Argo's duration strings ("30s", "2m", "1h") and bare seconds.
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	return time.ParseDuration(s)
}
