// Command judgehost launches a metric-provider plugin the way Argo Rollouts' controller does and asks it
// for one measurement of a canary-judge metric whose plugin config is given on the command line (for
// example pointing at a test Prometheus). It prints the returned Measurement, one field per line:
//
//	PHASE Successful
//	VALUE 100.00
//	MESSAGE success-rate: ... PASSED (score 100)
//	META latency.label=Pass
//	JUDGEHOST OK
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"time"

	plugin "github.com/hashicorp/go-plugin"

	"voyager/argo"
)

func main() {
	pluginPath := flag.String("plugin", "", "plugin executable to launch")
	config := flag.String("config", "", "JSON under provider.plugin[\"voyager/canary-judge\"]")
	startedAgo := flag.Duration("started-ago", 10*time.Minute, "the AnalysisRun's status.startedAt, this long before now")
	judged := flag.Int("judged", 0, "measurements already judged in the run (status.metricResults[].count)")
	count := flag.Int("count", 5, "the metric's count (looks planned)")
	flag.Parse()
	if *pluginPath == "" || *config == "" {
		fail("usage: judgehost -plugin <executable> -config <json>")
	}

	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: argo.Handshake,
		Plugins:         map[string]plugin.Plugin{argo.PluginSetName: &argo.ProviderPlugin{}},
		Cmd:             exec.Command(*pluginPath),
		Managed:         true,
	})
	defer plugin.CleanupClients()
	protocol, err := client.Client()
	check(err, "connect")
	raw, err := protocol.Dispense(argo.PluginSetName)
	check(err, "dispense")
	provider := raw.(*argo.ProviderClient)

	metric := argo.Metric{
		Name:                  "canary-judge",
		Interval:              "1m",
		Count:                 &argo.IntOrString{Type: 0, IntVal: int32(*count)},
		ConsecutiveErrorLimit: &argo.IntOrString{Type: 0, IntVal: 4},
		Provider:              argo.MetricProvider{Plugin: map[string][]byte{argo.PluginName: []byte(*config)}},
	}
	started := argo.Time{Time: time.Now().Add(-*startedAgo).UTC().Truncate(time.Second)}
	run := &argo.AnalysisRun{
		TypeMeta:   argo.TypeMeta{Kind: "AnalysisRun", APIVersion: "argoproj.io/v1alpha1"},
		ObjectMeta: argo.ObjectMeta{Name: "voyager-gateway-canary-1", Namespace: "payments"},
		Spec:       argo.AnalysisRunSpec{Metrics: []argo.Metric{metric}},
		Status: argo.AnalysisRunStatus{
			Phase:         "Running",
			StartedAt:     &started,
			MetricResults: []argo.MetricResult{{Name: metric.Name, Phase: "Running", Count: int32(*judged)}},
		},
	}

	var m argo.Measurement
	check(provider.Call("Run", argo.RunArgs{AnalysisRun: run, Metric: metric}, &m), "Run")
	fmt.Printf("PHASE %s\n", m.Phase)
	fmt.Printf("VALUE %s\n", m.Value)
	fmt.Printf("MESSAGE %s\n", m.Message)
	keys := make([]string, 0, len(m.Metadata))
	for k := range m.Metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("META %s=%s\n", k, m.Metadata[k])
	}
	if m.StartedAt == nil || m.FinishedAt == nil {
		fail("FAIL measurement without startedAt/finishedAt")
	}
	client.Kill()
	fmt.Println("JUDGEHOST OK")
}

func check(err error, step string) {
	if err != nil {
		fail(fmt.Sprintf("FAIL %s: %v", step, err))
	}
}

func fail(msg string) {
	fmt.Println(msg)
	plugin.CleanupClients()
	os.Exit(1)
}
