package argo

import "time"

// PluginName is the name the plugin is registered under in argo-rollouts-config.
const PluginName = "voyager/canary-judge"

func ptrString(s string) *string { return &s }
func ptrInt32(i int32) *int32    { return &i }
func ptrInt64(i int64) *int64    { return &i }
func ptrBool(b bool) *bool       { return &b }

func at(s string) Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return Time{t}
}

func ptrTime(s string) *Time {
	t := at(s)
	return &t
}

// CanaryMetric is the metric after argument resolution, as the controller hands it to Run.
func CanaryMetric() Metric {
	return Metric{
		Name:                  "canary-judge",
		Interval:              "1m",
		Count:                 &IntOrString{Type: 0, IntVal: 5},
		FailureLimit:          &IntOrString{Type: 0, IntVal: 1},
		ConsecutiveErrorLimit: &IntOrString{Type: 1, StrVal: "4"},
		Provider: MetricProvider{
			Plugin: map[string][]byte{
				PluginName: []byte(`{"prometheusAddress":"http://prometheus.monitoring:9090","service":"voyager-gateway","canaryHash":"7d9c8f","stableHash":"5b6f4a"}`),
			},
		},
	}
}

// JobMetric is a second metric with Argo's Job provider, so the whole pod template tree travels.
func JobMetricTemplate() Metric {
	return Metric{
		Name:         "smoke-job",
		InitialDelay: "30s",
		Provider: MetricProvider{
			Job: &JobMetric{
				Metadata: ObjectMeta{Labels: map[string]string{"app": "smoke"}},
				Spec: JobSpec{
					BackoffLimit: ptrInt32(1),
					Template: PodTemplateSpec{
						ObjectMeta: ObjectMeta{Annotations: map[string]string{"sidecar.istio.io/inject": "false"}},
						Spec: PodSpec{
							RestartPolicy: "Never",
							Containers: []Container{{
								Name:    "smoke",
								Image:   "curlimages/curl:8.8.0",
								Command: []string{"curl", "-fsS", "http://voyager-gateway-canary/q/health/ready"},
								Env: []EnvVar{
									{Name: "TARGET", Value: "canary"},
									{Name: "POD_IP", ValueFrom: &EnvVarSource{FieldRef: &ObjectFieldSelector{FieldPath: "status.podIP"}}},
								},
								Resources: ResourceRequirements{
									Limits:   map[ResourceName]Quantity{"cpu": {Format: "DecimalSI"}, "memory": {Format: "BinarySI"}},
									Requests: map[ResourceName]Quantity{"cpu": {Format: "DecimalSI"}},
								},
								ReadinessProbe: &Probe{
									ProbeHandler:  ProbeHandler{HTTPGet: &HTTPGetAction{Path: "/ready", Port: IntOrString{Type: 1, StrVal: "http"}}},
									PeriodSeconds: 5,
								},
								VolumeMounts:    []VolumeMount{{Name: "tmp", MountPath: "/tmp"}},
								SecurityContext: &SecurityContext{RunAsNonRoot: ptrBool(true), RunAsUser: ptrInt64(1000)},
							}},
							Volumes: []Volume{{Name: "tmp", VolumeSource: VolumeSource{EmptyDir: &EmptyDirVolumeSource{Medium: "Memory"}}}},
						},
					},
				},
			},
		},
	}
}

// InProgressMeasurement is a measurement the plugin returned earlier, as persisted by the controller.
func InProgressMeasurement() Measurement {
	return Measurement{
		Phase:     "Running",
		StartedAt: ptrTime("2024-05-06T07:08:09Z"),
		ResumeAt:  ptrTime("2024-05-06T07:09:09Z"),
		Metadata:  map[string]string{"window": "3"},
	}
}

// CanaryAnalysisRun is a realistic AnalysisRun of a canary step, with history in its status.
func CanaryAnalysisRun() *AnalysisRun {
	judge := CanaryMetric()
	judge.Provider.Plugin[PluginName] = []byte(`{"prometheusAddress":"http://prometheus.monitoring:9090","service":"{{args.service-name}}"}`)
	return &AnalysisRun{
		TypeMeta: TypeMeta{Kind: "AnalysisRun", APIVersion: "argoproj.io/v1alpha1"},
		ObjectMeta: ObjectMeta{
			Name:              "voyager-gateway-7d9c8f-2-1",
			Namespace:         "payments",
			UID:               "0b5c3f9e-2f0a-4d8e-9a55-3d7c1d3f6a11",
			ResourceVersion:   "184467",
			Generation:        2,
			CreationTimestamp: at("2024-05-06T07:00:00Z"),
			Labels:            map[string]string{"rollout-type": "Step", "rollouts-pod-template-hash": "7d9c8f", "step-index": "2"},
			Annotations:       map[string]string{"rollout.argoproj.io/revision": "2"},
			OwnerReferences: []OwnerReference{{
				APIVersion: "argoproj.io/v1alpha1", Kind: "Rollout", Name: "voyager-gateway",
				UID: "6a1f7b9c-1111-4222-8333-944455556666", Controller: ptrBool(true), BlockOwnerDeletion: ptrBool(true),
			}},
			ManagedFields: []ManagedFieldsEntry{{
				Manager: "rollouts-controller", Operation: "Update", APIVersion: "argoproj.io/v1alpha1",
				Time: ptrTime("2024-05-06T07:00:00Z"), FieldsType: "FieldsV1",
				FieldsV1: &FieldsV1{Raw: []byte(`{"f:status":{"f:phase":{}}}`)},
			}},
		},
		Spec: AnalysisRunSpec{
			Metrics: []Metric{judge, JobMetricTemplate()},
			Args: []Argument{
				{Name: "service-name", Value: ptrString("voyager-gateway")},
				{Name: "api-token", ValueFrom: &ValueFrom{SecretKeyRef: &SecretKeyRef{Name: "judge-token", Key: "token"}}},
			},
			DryRun:               []DryRun{{MetricName: "smoke-job"}},
			MeasurementRetention: []MeasurementRetention{{MetricName: "canary-judge", Limit: 5}},
			TTLStrategy:          &TTLStrategy{SecondsAfterCompletion: ptrInt32(3600)},
		},
		Status: AnalysisRunStatus{
			Phase:     "Running",
			StartedAt: ptrTime("2024-05-06T07:00:05Z"),
			MetricResults: []MetricResult{{
				Name:  "canary-judge",
				Phase: "Running",
				Count: 2, Successful: 2,
				Measurements: []Measurement{
					{Phase: "Successful", Value: "pass", StartedAt: ptrTime("2024-05-06T07:01:00Z"), FinishedAt: ptrTime("2024-05-06T07:01:02Z")},
					{Phase: "Successful", Value: "pass", StartedAt: ptrTime("2024-05-06T07:02:00Z"), FinishedAt: ptrTime("2024-05-06T07:02:03Z")},
				},
				Metadata: map[string]string{"plugin": PluginName},
			}},
			RunSummary: RunSummary{Count: 2, Successful: 2},
		},
	}
}
