package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
)

// timeline prints every decision as a line for people and, optionally, as a JSON line for the chart.
type timeline struct {
	start time.Time
	file  *os.File
}

func newTimeline(path string) (*timeline, error) {
	t := &timeline{start: time.Now()}
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		t.file = f
	}
	return t, nil
}

func (t *timeline) close() {
	if t.file != nil {
		t.file.Close()
	}
}

func (t *timeline) elapsed() float64 { return time.Since(t.start).Seconds() }

func (t *timeline) event(fields map[string]interface{}, format string, args ...interface{}) {
	fields["t"] = round(t.elapsed())
	fields["wallMs"] = time.Now().UnixMilli()
	if t.file != nil {
		data, _ := json.Marshal(fields)
		t.file.Write(append(data, '\n'))
	}
	fmt.Printf("%+8.1fs  %s\n", t.elapsed(), fmt.Sprintf(format, args...))
}

func (t *timeline) note(format string, args ...interface{}) {
	fmt.Printf("%+8.1fs  %s\n", t.elapsed(), fmt.Sprintf(format, args...))
}

func (t *timeline) measurement(weight int, m measurementView) {
	fields := map[string]interface{}{"event": "measurement", "run": m.Run, "metric": m.Metric, "phase": m.Phase,
		"value": m.Value, "message": m.Message, "metadata": m.Metadata, "weight": weight}
	line := fmt.Sprintf("%-10s %-16s %-12s value=%s", m.Run, m.Metric, m.Phase, orDash(m.Value))
	if m.Message != "" {
		line += fmt.Sprintf("  %q", truncate(m.Message, 160))
	}
	if summary := metadataSummary(m.Metadata); summary != "" {
		line += "  [" + summary + "]"
	}
	t.event(fields, "%s", line)
}

// metadataSummary keeps the judge's per-metric labels and the look: the rest is in the JSON timeline.
func metadataSummary(md map[string]string) string {
	var parts []string
	for k, v := range md {
		if k == "look" || strings.HasSuffix(k, ".label") {
			parts = append(parts, k+"="+v)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func round(f float64) float64 { return float64(int64(f*1000)) / 1000 }
