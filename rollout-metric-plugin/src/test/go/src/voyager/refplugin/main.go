// Command refplugin is a metric-provider plugin written in Go with go-plugin, shaped like Argo's
// own plugins. The Java transport is tested as a client against it. Its answers are derived from
// the arguments, so a client can tell that its encoding arrived intact.
package main

import (
	"time"

	plugin "github.com/hashicorp/go-plugin"

	"voyager/argo"
)

var finished = argo.Time{Time: time.Date(2024, 5, 6, 7, 8, 10, 0, time.UTC)}

type reference struct{}

func (reference) InitPlugin() argo.RpcError { return argo.RpcError{} }

func (reference) Run(run *argo.AnalysisRun, metric argo.Metric) argo.Measurement {
	started := argo.Time{Time: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
	return argo.Measurement{
		Phase:      "Successful",
		Value:      string(metric.Provider.Plugin[argo.PluginName]),
		StartedAt:  &started,
		FinishedAt: &finished,
		Metadata:   map[string]string{"analysisRun": run.Namespace + "/" + run.Name, "metric": metric.Name},
	}
}

func (reference) Resume(_ *argo.AnalysisRun, _ argo.Metric, m argo.Measurement) argo.Measurement {
	m.Phase = "Successful"
	m.FinishedAt = &finished
	return m
}

func (reference) Terminate(_ *argo.AnalysisRun, _ argo.Metric, m argo.Measurement) argo.Measurement {
	m.FinishedAt = &finished
	return m
}

func (reference) GarbageCollect(_ *argo.AnalysisRun, metric argo.Metric, limit int) argo.RpcError {
	if limit < 0 {
		return argo.RpcError{ErrorString: "negative limit for " + metric.Name}
	}
	return argo.RpcError{}
}

func (reference) Type() string { return "RPCPlugin" }

func (reference) GetMetadata(metric argo.Metric) map[string]string {
	return map[string]string{"metric": metric.Name, "interval": string(metric.Interval)}
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: argo.Handshake,
		Plugins:         map[string]plugin.Plugin{argo.PluginSetName: &argo.ProviderPlugin{Impl: reference{}}},
	})
}
