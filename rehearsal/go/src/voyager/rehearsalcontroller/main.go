// Command rehearsalcontroller imitates the Argo Rollouts controller for one canary rollout on one machine.
// It reads the Rollout and AnalysisTemplates (as JSON), launches the metric-provider plugin exactly as
// Argo's plugin client does (go-plugin, net/rpc, Argo's handshake), walks the canary steps with pauses
// compressed by a factor, runs the background and step analyses on schedule with Argo's limits, moves
// the canary weight by rewriting the load driver's weights file, and on abort sets the weight to 0.
// It is an imitation of the controller's decisions, not the controller.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	"voyager/argo"
)

type config struct {
	pluginPath    string
	rolloutPath   string
	templatePaths []string
	prometheus    string
	canaryHash    string
	stableHash    string
	pauseFactor   float64
	intervalScale float64
	weightsFile   string
	stableTargets int
	timelinePath  string
	resultPath    string
	deadline      time.Duration
	startFile     string
}

func main() {
	var cfg config
	var templates string
	flag.StringVar(&cfg.pluginPath, "plugin", "", "metric-provider plugin executable")
	flag.StringVar(&cfg.rolloutPath, "rollout", "", "the Rollout as JSON")
	flag.StringVar(&templates, "templates", "", "comma-separated AnalysisTemplates as JSON")
	flag.StringVar(&cfg.prometheus, "prometheus", "", "Prometheus base URL that replaces the templates' in-cluster address")
	flag.StringVar(&cfg.canaryHash, "canary-hash", "", "rollouts-pod-template-hash of the canary (podTemplateHashValue: Latest)")
	flag.StringVar(&cfg.stableHash, "stable-hash", "", "rollouts-pod-template-hash of stable (podTemplateHashValue: Stable)")
	flag.Float64Var(&cfg.pauseFactor, "pause-factor", 10, "pause durations are divided by this")
	flag.Float64Var(&cfg.intervalScale, "interval-scale", 1, "measurement intervals and the error retry are divided by this")
	flag.StringVar(&cfg.weightsFile, "weights-file", "", "the load driver's weights file")
	flag.IntVar(&cfg.stableTargets, "stable-targets", 2, "stable instances listed before the canary in the weights file")
	flag.StringVar(&cfg.timelinePath, "timeline", "", "write every event as a JSON line here")
	flag.StringVar(&cfg.resultPath, "result", "", "write the rollout's outcome as JSON here")
	flag.DurationVar(&cfg.deadline, "deadline", 15*time.Minute, "give up (outcome TimedOut) after this long")
	flag.StringVar(&cfg.startFile, "start-file", "", "after launching the plugin, wait for this file before the rollout starts")
	flag.Parse()
	cfg.templatePaths = strings.Split(templates, ",")
	if cfg.pluginPath == "" || cfg.rolloutPath == "" || templates == "" || cfg.prometheus == "" ||
		cfg.weightsFile == "" || cfg.canaryHash == "" || cfg.stableHash == "" {
		fmt.Fprintln(os.Stderr, "usage: rehearsalcontroller -plugin P -rollout R.json -templates T1.json,T2.json -prometheus URL "+
			"-canary-hash H -stable-hash H -weights-file F [-pause-factor 10] [-interval-scale 1] [-timeline F] [-result F]")
		os.Exit(2)
	}
	code := run(cfg)
	plugin.CleanupClients()
	os.Exit(code)
}

func run(cfg config) int {
	var rollout rolloutDoc
	if err := readJSON(cfg.rolloutPath, &rollout); err != nil {
		return fatal(err)
	}
	templates := map[string]templateDoc{}
	for _, path := range cfg.templatePaths {
		var t templateDoc
		if err := readJSON(path, &t); err != nil {
			return fatal(err)
		}
		templates[t.Metadata.Name] = t
	}
	out, err := newTimeline(cfg.timelinePath)
	if err != nil {
		return fatal(err)
	}
	defer out.close()

	started := time.Now()
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: argo.Handshake,
		Plugins:         map[string]plugin.Plugin{argo.PluginSetName: &argo.ProviderPlugin{}},
		Cmd:             exec.Command(cfg.pluginPath),
		Managed:         true,
		// The plugin's own log lines come through at Info; the timeline keeps to decisions.
		Logger: hclog.New(&hclog.LoggerOptions{Name: "plugin", Level: hclog.Warn, Output: os.Stderr}),
	})
	protocol, err := client.Client()
	if err != nil {
		return fatal(fmt.Errorf("launching plugin: %v", err))
	}
	raw, err := protocol.Dispense(argo.PluginSetName)
	if err != nil {
		return fatal(fmt.Errorf("dispensing plugin: %v", err))
	}
	providerClient := raw.(*argo.ProviderClient)
	var initErr argo.RpcError
	if err := providerClient.Call("InitPlugin", nil, &initErr); err != nil || initErr.ErrorString != "" {
		return fatal(fmt.Errorf("InitPlugin: %v %s", err, initErr.ErrorString))
	}
	out.note("plugin %s started (go-plugin handshake, InitPlugin) in %d ms", cfg.pluginPath, time.Since(started).Milliseconds())

	c := &controller{
		cfg:       cfg,
		rollout:   rollout,
		templates: templates,
		plugin:    &pluginProvider{client: providerClient},
		prom:      &prometheusProvider{address: strings.TrimRight(cfg.prometheus, "/"), http: &http.Client{}},
		out:       out,
	}
	c.warmUp()
	if cfg.startFile != "" && !waitForFile(cfg.startFile, 2*time.Minute) {
		return fatal(fmt.Errorf("%s did not appear within 2 minutes", cfg.startFile))
	}
	result := c.runRollout()
	if cfg.resultPath != "" {
		data, _ := json.MarshalIndent(result, "", "  ")
		if err := os.WriteFile(cfg.resultPath, append(data, '\n'), 0o644); err != nil {
			return fatal(err)
		}
	}
	client.Kill()
	return 0
}

func waitForFile(path string, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return true
		}
	}
	return false
}

func fatal(err error) int {
	fmt.Fprintln(os.Stderr, "rehearsalcontroller:", err)
	return 1
}
