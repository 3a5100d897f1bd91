// Command interophost launches a metric-provider plugin executable exactly the way Argo Rollouts'
// metricproviders/plugin/client does (go-plugin, net/rpc, Argo's handshake and plugin set) and makes
// every call of the metric-provider protocol with Argo-shaped arguments. It prints one line per
// check and exits non-zero at the first failure.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	plugin "github.com/hashicorp/go-plugin"
	"github.com/hashicorp/yamux"

	"voyager/argo"
)

func main() {
	pluginPath := flag.String("plugin", "", "plugin executable to launch")
	idle := flag.Duration("idle", 0, "keep the session idle this long, then check it is still healthy")
	concurrent := flag.Int("concurrent", 8, "number of concurrent Run calls")
	expectPhase := flag.String("expect-run-phase", "Error", "phase every Run must return (empty: any)")
	expectMessage := flag.String("expect-run-message", "", "message every Run must return (empty: any)")
	benchCalls := flag.Int("bench", 0, "if > 0, time this many Ping and Run round trips and print the medians")
	flag.Parse()
	if *pluginPath == "" {
		fail("usage: interophost -plugin <executable>")
	}

	cmd := exec.Command(*pluginPath)
	started := time.Now()
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: argo.Handshake,
		Plugins:         map[string]plugin.Plugin{argo.PluginSetName: &argo.ProviderPlugin{}},
		Cmd:             cmd,
		Managed:         true,
	})
	defer plugin.CleanupClients()

	protocol, err := client.Client()
	check(err, "connect")
	rpcClient := protocol.(*plugin.RPCClient)
	pass("handshake", "network=%s address=%s elapsed_ms=%d", client.ReattachConfig().Addr.Network(),
		client.ReattachConfig().Addr.String(), time.Since(started).Milliseconds())

	raw, err := rpcClient.Dispense(argo.PluginSetName)
	check(err, "dispense")
	provider := raw.(*argo.ProviderClient)
	pass("dispense", "broker stream connected")

	var initErr argo.RpcError
	check(provider.Call("InitPlugin", nil, &initErr), "InitPlugin")
	expect(initErr.ErrorString == "", "InitPlugin", "error string %q", initErr.ErrorString)
	pass("InitPlugin", "ok")

	check(rpcClient.Ping(), "Ping")
	pass("Ping", "after InitPlugin")

	run := argo.CanaryAnalysisRun()
	metric := argo.CanaryMetric()
	concurrentRuns(provider, run, metric, *concurrent, *expectPhase, *expectMessage)

	check(rpcClient.Ping(), "Ping")
	pass("Ping", "after Run")

	inProgress := argo.InProgressMeasurement()
	var resumed argo.Measurement
	check(provider.Call("Resume", argo.TerminateAndResumeArgs{AnalysisRun: run, Metric: metric, Measurement: inProgress}, &resumed), "Resume")
	expect(resumed.Phase != "", "Resume", "empty phase")
	pass("Resume", "phase=%s message=%q", resumed.Phase, resumed.Message)

	var terminated argo.Measurement
	check(provider.Call("Terminate", argo.TerminateAndResumeArgs{AnalysisRun: run, Metric: metric, Measurement: inProgress}, &terminated), "Terminate")
	expect(terminated.FinishedAt != nil, "Terminate", "measurement not finished: %+v", terminated)
	expect(terminated.StartedAt != nil && terminated.StartedAt.Equal(inProgress.StartedAt.Time), "Terminate",
		"startedAt not kept: %v", terminated.StartedAt)
	expect(terminated.Metadata["window"] == "3", "Terminate", "metadata not kept: %v", terminated.Metadata)
	pass("Terminate", "phase=%s finishedAt=%s", terminated.Phase, terminated.FinishedAt.UTC().Format(time.RFC3339))

	var gcErr argo.RpcError
	check(provider.Call("GarbageCollect", argo.GarbageCollectArgs{AnalysisRun: run, Metric: metric, Limit: 5}, &gcErr), "GarbageCollect")
	expect(gcErr.ErrorString == "", "GarbageCollect", "error string %q", gcErr.ErrorString)
	pass("GarbageCollect", "ok")

	var providerType string
	check(provider.Call("Type", nil, &providerType), "Type")
	expect(providerType != "", "Type", "empty type")
	pass("Type", "%s", providerType)

	var metadata map[string]string
	check(provider.Call("GetMetadata", argo.GetMetadataArgs{Metric: metric}, &metadata), "GetMetadata")
	expect(metadata["metric"] == metric.Name, "GetMetadata", "metadata does not name the metric: %v", metadata)
	pass("GetMetadata", "%s", formatMap(metadata))

	var ignored argo.Measurement
	err = provider.Call("Nope", argo.GetMetadataArgs{Metric: metric}, &ignored)
	expect(err != nil && err.Error() == "rpc: can't find method Plugin.Nope", "UnknownMethod", "got %v", err)
	pass("UnknownMethod", "%v", err)

	check(rpcClient.Ping(), "Ping")
	pass("Ping", "after all calls")

	session := yamuxSession(rpcClient)
	rtt, err := session.Ping()
	check(err, "YamuxPing")
	pass("YamuxPing", "rtt_us=%d", rtt.Microseconds())

	if *benchCalls > 0 {
		bench(rpcClient, provider, run, metric, *benchCalls)
	}

	if *idle > 0 {
		time.Sleep(*idle)
		expect(!session.IsClosed(), "Idle", "yamux session closed while idle")
		check(rpcClient.Ping(), "Ping after idle")
		var m argo.Measurement
		check(provider.Call("Run", argo.RunArgs{AnalysisRun: run, Metric: metric}, &m), "Run after idle")
		pass("Idle", "healthy after %s", *idle)
	}

	killStarted := time.Now()
	client.Kill()
	killTook := time.Since(killStarted)
	expect(client.Exited(), "Kill", "process still running")
	expect(cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 0, "Kill", "exit state %v", cmd.ProcessState)
	// go-plugin sends SIGKILL after 2 s; a faster exit with status 0 proves Control.Quit ended it.
	expect(killTook < 2*time.Second, "Kill", "took %s, so the plugin was force-killed", killTook)
	pass("Kill", "clean exit status 0 after Control.Quit in %d ms", killTook.Milliseconds())
	fmt.Println("INTEROP OK")
}

func concurrentRuns(provider *argo.ProviderClient, run *argo.AnalysisRun, metric argo.Metric, n int, phase, message string) {
	var wg sync.WaitGroup
	results := make([]argo.Measurement, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = provider.Call("Run", argo.RunArgs{AnalysisRun: run, Metric: metric}, &results[i])
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		check(errs[i], "Run")
		m := results[i]
		expect(phase == "" || string(m.Phase) == phase, "Run", "call %d: phase %q, want %q", i, m.Phase, phase)
		expect(message == "" || m.Message == message, "Run", "call %d: message %q, want %q", i, m.Message, message)
		expect(m.StartedAt != nil && m.FinishedAt != nil, "Run", "call %d: times missing: %+v", i, m)
	}
	pass("Run", "%d concurrent calls, phase=%s message=%q", n, phase, message)
}

func bench(rpcClient *plugin.RPCClient, provider *argo.ProviderClient, run *argo.AnalysisRun, metric argo.Metric, n int) {
	pings := make([]time.Duration, n)
	runs := make([]time.Duration, n)
	for i := 0; i < n; i++ {
		t := time.Now()
		check(rpcClient.Ping(), "bench Ping")
		pings[i] = time.Since(t)
		t = time.Now()
		var m argo.Measurement
		check(provider.Call("Run", argo.RunArgs{AnalysisRun: run, Metric: metric}, &m), "bench Run")
		runs[i] = time.Since(t)
	}
	fmt.Printf("BENCH ping %s\n", summary(pings))
	fmt.Printf("BENCH run %s\n", summary(runs))
}

func summary(d []time.Duration) string {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	us := func(x time.Duration) float64 { return float64(x.Nanoseconds()) / 1000 }
	return fmt.Sprintf("n=%d median_us=%.1f min_us=%.1f max_us=%.1f", len(d), us(d[len(d)/2]), us(d[0]), us(d[len(d)-1]))
}

// yamuxSession reaches the session go-plugin keeps private, to send an explicit keepalive ping
// (the session pings by itself only every 30 s).
func yamuxSession(c *plugin.RPCClient) *yamux.Session {
	broker := (*plugin.MuxBroker)(unsafe.Pointer(reflect.ValueOf(c).Elem().FieldByName("broker").Pointer()))
	return (*yamux.Session)(unsafe.Pointer(reflect.ValueOf(broker).Elem().FieldByName("session").Pointer()))
}

func formatMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+m[k])
	}
	return strings.Join(parts, ",")
}

func pass(step, format string, args ...interface{}) {
	fmt.Printf("PASS %s %s\n", step, fmt.Sprintf(format, args...))
}

func check(err error, step string) {
	if err != nil {
		fail(fmt.Sprintf("FAIL %s: %v", step, err))
	}
}

func expect(ok bool, step, format string, args ...interface{}) {
	if !ok {
		fail(fmt.Sprintf("FAIL %s: %s", step, fmt.Sprintf(format, args...)))
	}
}

func fail(msg string) {
	fmt.Println(msg)
	plugin.CleanupClients()
	os.Exit(1)
}
