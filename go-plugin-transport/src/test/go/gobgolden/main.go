// Command gobgolden writes the golden gob streams the Java codec is tested against.
//
// Each file is produced by a fresh child process, because Go numbers gob types process-wide: a fresh
// process starts at type id 65, exactly like a plugin's first stream. Values use mirror types with the
// names, field names and kinds of Argo Rollouts and Kubernetes (see apis/), and net/rpc's own header types.
//
// Usage (GOPATH mode, standard library only): GO111MODULE=off go run . <output directory>
// With -bench <golden directory> it times Go's own decoding and encoding of that traffic instead, as the
// baseline for the Java codec's benchmark.
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"net/rpc"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	batchv1 "./apis/batchv1"
	corev1 "./apis/corev1"
	intstr "./apis/intstr"
	metav1 "./apis/metav1"
	resource "./apis/resource"
	v1alpha1 "./apis/v1alpha1"
)

// Argo's metricproviders/plugin/rpc argument types and utils/plugin/types.RpcError.
type RunArgs struct {
	AnalysisRun *v1alpha1.AnalysisRun
	Metric      v1alpha1.Metric
}

type TerminateAndResumeArgs struct {
	AnalysisRun *v1alpha1.AnalysisRun
	Metric      v1alpha1.Metric
	Measurement v1alpha1.Measurement
}

type GarbageCollectArgs struct {
	AnalysisRun *v1alpha1.AnalysisRun
	Metric      v1alpha1.Metric
	Limit       int
}

type GetMetadataArgs struct {
	Metric v1alpha1.Metric
}

type RpcError struct {
	ErrorString string
}

func init() {
	gob.RegisterName("RunArgs", &RunArgs{})
	gob.RegisterName("TerminateAndResumeArgs", &TerminateAndResumeArgs{})
	gob.RegisterName("GarbageCollectArgs", &GarbageCollectArgs{})
	gob.RegisterName("GetMetadataArgs", &GetMetadataArgs{})
	gob.RegisterName("RpcError", &RpcError{})
	gob.RegisterName("Inner", Inner{})
}

// captures maps each golden file to the encoder calls that produce it.
var captures = map[string]func(enc *gob.Encoder){
	"string.gob": func(enc *gob.Encoder) {
		must(enc.Encode("RPCPlugin"))
	},
	"map-string-string.gob": func(enc *gob.Encoder) {
		must(enc.Encode(map[string]string{"resolvedQuery": "up"}))
	},
	"rpc-error.gob": func(enc *gob.Encoder) {
		must(enc.Encode(&RpcError{ErrorString: "boom"}))
		must(enc.Encode(&RpcError{}))
	},
	"measurement.gob": func(enc *gob.Encoder) {
		for _, m := range measurements() {
			must(enc.Encode(&m))
		}
	},
	"plugin-stream-requests.gob": pluginRequests,
	"resume-first-requests.gob":  resumeFirst,
	"plugin-stream-replies.gob":  pluginReplies,
	"all-kinds.gob":              allKinds,
}

// pluginRequests is what the controller writes on the plugin stream: net/rpc header, then the argument.
func pluginRequests(enc *gob.Encoder) {
	ar := analysisRun()
	metric := judgeMetric()
	running := measurements()[1]
	call(enc, "Plugin.InitPlugin", 0, nil)
	call(enc, "Plugin.Run", 1, RunArgs{AnalysisRun: &ar, Metric: metric})
	call(enc, "Plugin.Run", 2, RunArgs{AnalysisRun: &ar, Metric: metric})
	call(enc, "Plugin.Resume", 3, TerminateAndResumeArgs{AnalysisRun: &ar, Metric: metric, Measurement: running})
	call(enc, "Plugin.Terminate", 4, TerminateAndResumeArgs{AnalysisRun: &ar, Metric: metric, Measurement: running})
	call(enc, "Plugin.GarbageCollect", 5, GarbageCollectArgs{AnalysisRun: &ar, Metric: metric, Limit: 10})
	call(enc, "Plugin.GetMetadata", 6, GetMetadataArgs{Metric: metric})
	call(enc, "Plugin.Type", 7, nil)
}

// resumeFirst is a plugin stream after a plugin restart: the first call is Resume, so it carries the whole tree.
func resumeFirst(enc *gob.Encoder) {
	ar := analysisRun()
	call(enc, "Plugin.Resume", 0, TerminateAndResumeArgs{AnalysisRun: &ar, Metric: judgeMetric(), Measurement: measurements()[1]})
}

func call(enc *gob.Encoder, method string, seq uint64, args any) {
	must(enc.Encode(&rpc.Request{ServiceMethod: method, Seq: seq}))
	must(enc.Encode(&args))
}

// pluginReplies is what a Go plugin's net/rpc server writes back for pluginRequests, plus an unknown method.
func pluginReplies(enc *gob.Encoder) {
	ms := measurements()
	reply(enc, "Plugin.InitPlugin", 0, "", &RpcError{})
	reply(enc, "Plugin.Run", 1, "", &ms[0])
	reply(enc, "Plugin.Run", 2, "", &ms[1])
	reply(enc, "Plugin.Resume", 3, "", &ms[2])
	reply(enc, "Plugin.Terminate", 4, "", &ms[0])
	reply(enc, "Plugin.GarbageCollect", 5, "", &RpcError{ErrorString: "gc failed"})
	metadata := map[string]string{"query": "sum(rate(http_requests_total[1m]))"}
	reply(enc, "Plugin.GetMetadata", 6, "", &metadata)
	typ := "RPCPlugin"
	reply(enc, "Plugin.Type", 7, "", &typ)
	reply(enc, "Plugin.Bogus", 8, "rpc: can't find method Plugin.Bogus", struct{}{})
}

func reply(enc *gob.Encoder, method string, seq uint64, errText string, body any) {
	must(enc.Encode(&rpc.Response{ServiceMethod: method, Seq: seq, Error: errText}))
	must(enc.Encode(body))
}

func at(s string) metav1.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	must(err)
	return metav1.Time{Time: t.UTC()}
}

func atp(s string) *metav1.Time {
	t := at(s)
	return &t
}

func ptr[T any](v T) *T { return &v }

// measurements: a finished one (UTC), a running one in a fixed +02:00 zone (what a JSON round trip with a
// non-UTC Local gives), and an error whose zone has a seconds part (time's binary version 2).
func measurements() []v1alpha1.Measurement {
	plus2 := time.FixedZone("", 2*3600)
	odd := time.FixedZone("", 3600+30)
	return []v1alpha1.Measurement{
		{
			Phase:      "Successful",
			StartedAt:  atp("2024-01-02T03:04:05Z"),
			FinishedAt: atp("2024-01-02T03:04:07.000000006Z"),
			Value:      "0.99",
			Metadata:   map[string]string{"q": "up"},
		},
		{
			Phase:     "Running",
			StartedAt: &metav1.Time{Time: time.Date(2024, 1, 2, 5, 4, 5, 0, plus2)},
			ResumeAt:  &metav1.Time{Time: time.Date(2024, 1, 2, 5, 5, 5, 0, plus2)},
			Metadata:  map[string]string{"job": "canary-judge-42"},
		},
		{
			Phase:      "Error",
			Message:    "prometheus: connection refused",
			StartedAt:  &metav1.Time{Time: time.Date(2024, 1, 2, 4, 4, 35, 0, odd)},
			FinishedAt: &metav1.Time{Time: time.Date(2024, 1, 2, 4, 4, 36, 0, odd)},
		},
	}
}

func judgeMetric() v1alpha1.Metric {
	return v1alpha1.Metric{
		Name:                  "canary-judge",
		Interval:              "1m",
		InitialDelay:          "30s",
		Count:                 &intstr.IntOrString{IntVal: 5},
		FailureLimit:          &intstr.IntOrString{Type: 1, StrVal: "20%"},
		ConsecutiveErrorLimit: &intstr.IntOrString{IntVal: 4},
		Provider: v1alpha1.MetricProvider{
			Plugin: map[string]json.RawMessage{
				"voyager/canary-judge": json.RawMessage(`{"baseline":"stable","canary":"canary","maxP99Ms":250}`),
			},
		},
	}
}

func smokeJobMetric() v1alpha1.Metric {
	container := corev1.Container{
		Name:    "smoke",
		Image:   "curlimages/curl:8.10.1",
		Command: []string{"curl"},
		Args:    []string{"-fsS", "http://voyager-gateway-canary/q/health/ready"},
		Env: []corev1.EnvVar{
			{Name: "TARGET", Value: "canary"},
			{Name: "TOKEN", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
				LocalObjectReference: corev1.LocalObjectReference{Name: "smoke-token"}, Key: "token"}}},
		},
		Resources: corev1.ResourceRequirements{
			Limits:   corev1.ResourceList{"cpu": resource.Quantity{Format: "DecimalSI"}},
			Requests: corev1.ResourceList{"memory": resource.Quantity{Format: "BinarySI"}},
		},
		LivenessProbe: &corev1.Probe{
			ProbeHandler:  corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/q/health", Port: intstr.IntOrString{IntVal: 8080}}},
			PeriodSeconds: 10,
		},
		SecurityContext: &corev1.SecurityContext{
			RunAsNonRoot:   ptr(true),
			Capabilities:   &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
			SeccompProfile: &corev1.SeccompProfile{Type: "RuntimeDefault"},
		},
	}
	return v1alpha1.Metric{
		Name:     "smoke",
		Interval: "5m",
		Provider: v1alpha1.MetricProvider{
			Job: &v1alpha1.JobMetric{
				Metadata: metav1.ObjectMeta{Labels: map[string]string{"app": "smoke"}},
				Spec: batchv1.JobSpec{
					BackoffLimit: ptr(int32(2)),
					Template: corev1.PodTemplateSpec{
						Spec: corev1.PodSpec{
							RestartPolicy: "Never",
							Containers:    []corev1.Container{container},
							Volumes: []corev1.Volume{{Name: "tmp", VolumeSource: corev1.VolumeSource{
								EmptyDir: &corev1.EmptyDirVolumeSource{Medium: "Memory", SizeLimit: &resource.Quantity{Format: "BinarySI"}}}}},
							Tolerations: []corev1.Toleration{{Key: "dedicated", Operator: "Equal", Value: "canary", Effect: "NoSchedule"}},
						},
					},
				},
			},
		},
	}
}

func prometheusMetric() v1alpha1.Metric {
	return v1alpha1.Metric{
		Name:             "error-rate",
		Interval:         "1m",
		SuccessCondition: "result[0] < 0.01",
		Provider: v1alpha1.MetricProvider{
			Prometheus: &v1alpha1.PrometheusMetric{
				Address: "http://prometheus.monitoring:9090",
				Query:   `sum(rate(http_server_requests_seconds_count{outcome="SERVER_ERROR"}[1m]))`,
				Timeout: ptr(int64(30)),
			},
		},
	}
}

func analysisRun() v1alpha1.AnalysisRun {
	ms := measurements()
	return v1alpha1.AnalysisRun{
		TypeMeta: metav1.TypeMeta{Kind: "AnalysisRun", APIVersion: "argoproj.io/v1alpha1"},
		ObjectMeta: metav1.ObjectMeta{
			Name:              "voyager-gateway-7d9f5c-2-1",
			Namespace:         "payments",
			UID:               "6a1f3c9e-0b7d-4e52-9a35-2f0c1d4b8e71",
			ResourceVersion:   "48213",
			Generation:        3,
			CreationTimestamp: at("2024-01-02T03:00:00Z"),
			Labels:            map[string]string{"rollouts-pod-template-hash": "7d9f5c"},
			Annotations:       map[string]string{"rollout.argoproj.io/revision": "2"},
			OwnerReferences: []metav1.OwnerReference{{
				APIVersion: "argoproj.io/v1alpha1", Kind: "Rollout", Name: "voyager-gateway",
				UID: "0c9d2b1e-5f3a-4a8e-b7c6-1d2e3f4a5b6c", Controller: ptr(true), BlockOwnerDeletion: ptr(true),
			}},
			ManagedFields: []metav1.ManagedFieldsEntry{{
				Manager: "rollouts-controller", Operation: "Update", APIVersion: "argoproj.io/v1alpha1",
				Time: atp("2024-01-02T03:04:07Z"), FieldsType: "FieldsV1",
				FieldsV1: &metav1.FieldsV1{Raw: []byte(`{"f:status":{"f:phase":{}}}`)},
			}},
		},
		Spec: v1alpha1.AnalysisRunSpec{
			Metrics: []v1alpha1.Metric{judgeMetric(), prometheusMetric(), smokeJobMetric()},
			Args: []v1alpha1.Argument{
				{Name: "service", Value: ptr("voyager-gateway")},
				{Name: "api-token", ValueFrom: &v1alpha1.ValueFrom{SecretKeyRef: &v1alpha1.SecretKeyRef{Name: "judge", Key: "token"}}},
			},
			DryRun:               []v1alpha1.DryRun{{MetricName: "smoke"}},
			MeasurementRetention: []v1alpha1.MeasurementRetention{{MetricName: "canary-judge", Limit: 5}},
			TTLStrategy:          &v1alpha1.TTLStrategy{SecondsAfterCompletion: ptr(int32(3600))},
		},
		Status: v1alpha1.AnalysisRunStatus{
			Phase: "Running",
			MetricResults: []v1alpha1.MetricResult{{
				Name:               "canary-judge",
				Phase:              "Running",
				Measurements:       ms[:2],
				Count:              2,
				Successful:         1,
				ConsecutiveSuccess: 1,
				Metadata:           map[string]string{"baseline": "stable"},
			}},
			StartedAt:     atp("2024-01-02T03:00:01Z"),
			RunSummary:    v1alpha1.RunSummary{Count: 3, Successful: 1},
			DryRunSummary: &v1alpha1.RunSummary{Count: 1},
		},
	}
}

// Inner, GobThing and BinThing cover kinds Argo's tree does not use. (Go's encoder never uses
// TextMarshaler, so that kind cannot be captured.)
type Inner struct {
	Name  string
	Score float64
}

type GobThing struct{ v string }

func (g GobThing) GobEncode() ([]byte, error) { return []byte("gob:" + g.v), nil }
func (g *GobThing) GobDecode(b []byte) error  { g.v = string(b); return nil }

type BinThing struct{ v string }

func (b BinThing) MarshalBinary() ([]byte, error)  { return []byte("bin:" + b.v), nil }
func (b *BinThing) UnmarshalBinary(d []byte) error { b.v = string(d); return nil }

type AllKinds struct {
	Bool       bool
	Int        int
	Int8       int8
	Uint64     uint64
	Float32    float32
	Float64    float64
	Complex    complex128
	String     string
	Bytes      []byte
	Array      [3]int32
	Slice      []string
	Map        map[string]int
	EmptyMap   map[string]string
	NilMap     map[string]string
	Ptr        *int64
	Nested     Inner
	NestedPtr  *Inner
	Nodes      []Inner
	Iface      any
	Ifaces     []any
	NilIface   any
	Gob        GobThing
	Bin        *BinThing
	Zero       Inner
	unexported string
}

func allKinds(enc *gob.Encoder) {
	v := AllKinds{
		Bool:      true,
		Int:       -129,
		Int8:      -8,
		Uint64:    18446744073709551615,
		Float32:   0.5,
		Float64:   17,
		Complex:   complex(1, -2),
		String:    "héllo",
		Bytes:     []byte{0, 1, 2, 255},
		Array:     [3]int32{1, 0, -1},
		Slice:     []string{"a", "", "c"},
		Map:       map[string]int{"one": 1},
		EmptyMap:  map[string]string{},
		Ptr:       ptr(int64(64)),
		Nested:    Inner{Name: "n", Score: 1.5},
		NestedPtr: &Inner{Name: "p"},
		Nodes:     []Inner{{Name: "x"}, {}},
		Iface:     Inner{Name: "i", Score: -0.25},
		Ifaces:    []any{"s", Inner{Name: "j"}, nil},
		Gob:       GobThing{"g"},
		Bin:       &BinThing{"b"},
	}
	must(enc.Encode(&v))
	must(enc.Encode(&AllKinds{}))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "-one" {
		var buf bytes.Buffer
		capture, ok := captures[os.Args[2]]
		if !ok {
			panic("unknown capture " + os.Args[2])
		}
		capture(gob.NewEncoder(&buf))
		_, err := os.Stdout.Write(buf.Bytes())
		must(err)
		return
	}
	if len(os.Args) == 3 && os.Args[1] == "-bench" {
		bench(os.Args[2])
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gobgolden <output directory> | -bench <golden directory>")
		os.Exit(2)
	}
	names := make([]string, 0, len(captures))
	for name := range captures {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		out, err := exec.Command(os.Args[0], "-one", name).Output()
		must(err)
		must(os.WriteFile(filepath.Join(os.Args[1], name), out, 0o644))
		fmt.Printf("%-28s %6d bytes\n", name, len(out))
	}
}

// bench prints Go's times for the operations GobCodecBenchmark measures in Java.
func bench(dir string) {
	firstCall, err := os.ReadFile(filepath.Join(dir, "resume-first-requests.gob"))
	must(err)
	stream, err := os.ReadFile(filepath.Join(dir, "plugin-stream-requests.gob"))
	must(err)
	var req rpc.Request
	var args any
	reader := bytes.NewReader(stream)
	warm := gob.NewDecoder(reader)
	for i := 0; i < 2; i++ {
		must(warm.Decode(&req))
		must(warm.Decode(&args))
	}
	runStart := len(stream) - reader.Len()
	must(warm.Decode(&req))
	must(warm.Decode(&args))
	repeatRun := stream[runStart : len(stream)-reader.Len()]

	fmt.Printf("%-58s %10s %18s\n", "operation (bytes)", "median", "min-max")
	report(fmt.Sprintf("first call: header + TerminateAndResumeArgs (%d)", len(firstCall)), 200, func() {
		dec := gob.NewDecoder(bytes.NewReader(firstCall))
		must(dec.Decode(&req))
		var a any
		must(dec.Decode(&a))
	})
	report(fmt.Sprintf("repeat call: header + RunArgs, types known (%d)", len(repeatRun)), 2000, func() {
		reader.Reset(repeatRun)
		must(warm.Decode(&req))
		var a any
		must(warm.Decode(&a))
	})
	var out bytes.Buffer
	enc := gob.NewEncoder(&out)
	m := measurements()[0]
	report("encode reply: Response header + Measurement", 20000, func() {
		out.Reset()
		must(enc.Encode(&rpc.Response{ServiceMethod: "Plugin.Run", Seq: 1}))
		must(enc.Encode(&m))
	})
}

func report(name string, iterations int, op func()) {
	const rounds = 15
	for i := 0; i < iterations*3; i++ {
		op()
	}
	micros := make([]float64, rounds)
	for r := range micros {
		start := time.Now()
		for i := 0; i < iterations; i++ {
			op()
		}
		micros[r] = float64(time.Since(start).Nanoseconds()) / 1000 / float64(iterations)
	}
	sort.Float64s(micros)
	fmt.Printf("%-58s %8.1f µs %7.1f-%.1f µs\n", name, micros[rounds/2], micros[0], micros[rounds-1])
}
