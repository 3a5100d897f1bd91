package argo

import (
	"encoding/gob"
	"fmt"
	"net/rpc"

	plugin "github.com/hashicorp/go-plugin"
)

// PluginSetName is the key under which Argo's plugin client dispenses a metric provider.
const PluginSetName = "RpcMetricProviderPlugin"

// Handshake is the go-plugin handshake Argo Rollouts uses for metric-provider plugins.
var Handshake = plugin.HandshakeConfig{
	ProtocolVersion:  1,
	MagicCookieKey:   "ARGO_ROLLOUTS_RPC_PLUGIN",
	MagicCookieValue: "metricprovider",
}

// RpcError mirrors utils/plugin/types.RpcError.
type RpcError struct {
	ErrorString string
}

// RunArgs, TerminateAndResumeArgs, GarbageCollectArgs and GetMetadataArgs mirror the argument
// envelopes of metricproviders/plugin/rpc: the controller sends them as interface values.
type RunArgs struct {
	AnalysisRun *AnalysisRun
	Metric      Metric
}

type TerminateAndResumeArgs struct {
	AnalysisRun *AnalysisRun
	Metric      Metric
	Measurement Measurement
}

type GarbageCollectArgs struct {
	AnalysisRun *AnalysisRun
	Metric      Metric
	Limit       int
}

type GetMetadataArgs struct {
	Metric Metric
}

func init() {
	gob.RegisterName("RunArgs", new(RunArgs))
	gob.RegisterName("TerminateAndResumeArgs", new(TerminateAndResumeArgs))
	gob.RegisterName("GarbageCollectArgs", new(GarbageCollectArgs))
	gob.RegisterName("GetMetadataArgs", new(GetMetadataArgs))
}

// Provider is what a metric-provider plugin implements.
type Provider interface {
	InitPlugin() RpcError
	Run(run *AnalysisRun, metric Metric) Measurement
	Resume(run *AnalysisRun, metric Metric, measurement Measurement) Measurement
	Terminate(run *AnalysisRun, metric Metric, measurement Measurement) Measurement
	GarbageCollect(run *AnalysisRun, metric Metric, limit int) RpcError
	Type() string
	GetMetadata(metric Metric) map[string]string
}

// ProviderClient calls a plugin exactly the way Argo's controller does: the argument is always a
// pointer to an interface value, so gob sends the registered name and the concrete type.
type ProviderClient struct {
	Client *rpc.Client
}

// Call sends one request; args is nil for the calls Argo makes with new(interface{}).
func (c *ProviderClient) Call(method string, args interface{}, reply interface{}) error {
	var envelope interface{} = args
	return c.Client.Call("Plugin."+method, &envelope, reply)
}

// ProviderServer is the net/rpc receiver a Go plugin registers as service "Plugin".
type ProviderServer struct {
	Impl Provider
}

func (s *ProviderServer) InitPlugin(_ interface{}, reply *RpcError) error {
	*reply = s.Impl.InitPlugin()
	return nil
}

func (s *ProviderServer) Run(args interface{}, reply *Measurement) error {
	a, ok := args.(*RunArgs)
	if !ok {
		return fmt.Errorf("invalid args %v", args)
	}
	*reply = s.Impl.Run(a.AnalysisRun, a.Metric)
	return nil
}

func (s *ProviderServer) Resume(args interface{}, reply *Measurement) error {
	a, ok := args.(*TerminateAndResumeArgs)
	if !ok {
		return fmt.Errorf("invalid args %v", args)
	}
	*reply = s.Impl.Resume(a.AnalysisRun, a.Metric, a.Measurement)
	return nil
}

func (s *ProviderServer) Terminate(args interface{}, reply *Measurement) error {
	a, ok := args.(*TerminateAndResumeArgs)
	if !ok {
		return fmt.Errorf("invalid args %v", args)
	}
	*reply = s.Impl.Terminate(a.AnalysisRun, a.Metric, a.Measurement)
	return nil
}

func (s *ProviderServer) GarbageCollect(args interface{}, reply *RpcError) error {
	a, ok := args.(*GarbageCollectArgs)
	if !ok {
		return fmt.Errorf("invalid args %v", args)
	}
	*reply = s.Impl.GarbageCollect(a.AnalysisRun, a.Metric, a.Limit)
	return nil
}

func (s *ProviderServer) Type(_ interface{}, reply *string) error {
	*reply = s.Impl.Type()
	return nil
}

func (s *ProviderServer) GetMetadata(args interface{}, reply *map[string]string) error {
	a, ok := args.(*GetMetadataArgs)
	if !ok {
		return fmt.Errorf("invalid args %v", args)
	}
	*reply = s.Impl.GetMetadata(a.Metric)
	return nil
}

// ProviderPlugin is the go-plugin Plugin for both sides: the host dispenses a ProviderClient, a
// plugin process serves a ProviderServer.
type ProviderPlugin struct {
	Impl Provider
}

func (p *ProviderPlugin) Server(*plugin.MuxBroker) (interface{}, error) {
	return &ProviderServer{Impl: p.Impl}, nil
}

func (p *ProviderPlugin) Client(_ *plugin.MuxBroker, c *rpc.Client) (interface{}, error) {
	return &ProviderClient{Client: c}, nil
}
