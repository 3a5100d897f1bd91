package argo

import "time"

var finished = Time{Time: time.Date(2024, 5, 6, 7, 8, 10, 0, time.UTC)}

// Reference is a deterministic metric provider shaped like Argo's own plugins: its answers are
// derived from the arguments, so a client can tell that its encoding arrived intact.
type Reference struct{}

func (Reference) InitPlugin() RpcError { return RpcError{} }

func (Reference) Run(run *AnalysisRun, metric Metric) Measurement {
	started := Time{Time: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
	return Measurement{
		Phase:      "Successful",
		Value:      string(metric.Provider.Plugin[PluginName]),
		StartedAt:  &started,
		FinishedAt: &finished,
		Metadata:   map[string]string{"analysisRun": run.Namespace + "/" + run.Name, "metric": metric.Name},
	}
}

func (Reference) Resume(_ *AnalysisRun, _ Metric, m Measurement) Measurement {
	m.Phase = "Successful"
	m.FinishedAt = &finished
	return m
}

func (Reference) Terminate(_ *AnalysisRun, _ Metric, m Measurement) Measurement {
	m.FinishedAt = &finished
	return m
}

func (Reference) GarbageCollect(_ *AnalysisRun, metric Metric, limit int) RpcError {
	if limit < 0 {
		return RpcError{ErrorString: "negative limit for " + metric.Name}
	}
	return RpcError{}
}

func (Reference) Type() string { return "RPCPlugin" }

func (Reference) GetMetadata(metric Metric) map[string]string {
	return map[string]string{"metric": metric.Name, "interval": string(metric.Interval)}
}
