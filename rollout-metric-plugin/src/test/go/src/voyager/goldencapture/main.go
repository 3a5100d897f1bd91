// Command goldencapture records the byte streams of a go-plugin session's two net/rpc streams,
// produced by Go's own net/rpc client and server: the control stream (Dispenser.Dispense,
// Control.Ping, Control.Quit) and the plugin stream (every Plugin.* call with Argo-shaped
// arguments, plus an unknown method). Each direction goes to its own file.
//
// Usage: goldencapture <output dir>
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/rpc"
	"os"
	"path/filepath"

	"voyager/argo"
)

// control mirrors go-plugin's control service (same method signatures).
type control struct{}

func (control) Ping(_ bool, _ *struct{}) error { return nil }
func (control) Quit(_ bool, _ *struct{}) error { return nil }

// dispenser mirrors go-plugin's dispense service.
type dispenser struct{}

func (dispenser) Dispense(name string, id *uint32) error {
	if name != argo.PluginSetName {
		return errors.New("unknown plugin type: " + name)
	}
	*id = 1
	return nil
}

// recorder copies what the host writes and what it reads into two files.
type recorder struct {
	net.Conn
	sent, received io.Writer
}

func (r recorder) Write(p []byte) (int, error) {
	r.sent.Write(p)
	return r.Conn.Write(p)
}

func (r recorder) Read(p []byte) (int, error) {
	n, err := r.Conn.Read(p)
	r.received.Write(p[:n])
	return n, err
}

func serve(name string, services map[string]interface{}, dir string) (*rpc.Client, func()) {
	server := rpc.NewServer()
	for service, receiver := range services {
		if err := server.RegisterName(service, receiver); err != nil {
			panic(err)
		}
	}
	hostEnd, pluginEnd := net.Pipe()
	go server.ServeConn(pluginEnd)
	sent := create(filepath.Join(dir, name+"-host.bin"))
	received := create(filepath.Join(dir, name+"-plugin.bin"))
	client := rpc.NewClient(recorder{Conn: hostEnd, sent: sent, received: received})
	return client, func() {
		client.Close()
		sent.Close()
		received.Close()
	}
}

func create(path string) *os.File {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	return f
}

func call(c *rpc.Client, method string, args interface{}, reply interface{}) {
	var envelope interface{} = args
	var arg interface{} = &envelope
	if s, ok := args.(string); ok {
		arg = s
	} else if b, ok := args.(bool); ok {
		arg = b
	}
	err := c.Call(method, arg, reply)
	fmt.Printf("%s: reply=%+v err=%v\n", method, reply, err)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goldencapture <output dir>")
		os.Exit(2)
	}
	dir := os.Args[1]

	ctl, closeControl := serve("control", map[string]interface{}{"Control": control{}, "Dispenser": dispenser{}}, dir)
	var id uint32
	call(ctl, "Dispenser.Dispense", argo.PluginSetName, &id)
	var empty struct{}
	call(ctl, "Control.Ping", true, &empty)

	plugin, closePlugin := serve("plugin", map[string]interface{}{"Plugin": &argo.ProviderServer{Impl: argo.Reference{}}}, dir)
	run, metric := argo.CanaryAnalysisRun(), argo.CanaryMetric()
	var rpcErr argo.RpcError
	call(plugin, "Plugin.InitPlugin", nil, &rpcErr)
	var m argo.Measurement
	call(plugin, "Plugin.Run", argo.RunArgs{AnalysisRun: run, Metric: metric}, &m)
	call(plugin, "Plugin.Resume", argo.TerminateAndResumeArgs{AnalysisRun: run, Metric: metric, Measurement: argo.InProgressMeasurement()}, &m)
	call(plugin, "Plugin.Terminate", argo.TerminateAndResumeArgs{AnalysisRun: run, Metric: metric, Measurement: argo.InProgressMeasurement()}, &m)
	call(plugin, "Plugin.GarbageCollect", argo.GarbageCollectArgs{AnalysisRun: run, Metric: metric, Limit: 5}, &rpcErr)
	var providerType string
	call(plugin, "Plugin.Type", nil, &providerType)
	var metadata map[string]string
	call(plugin, "Plugin.GetMetadata", argo.GetMetadataArgs{Metric: metric}, &metadata)
	call(plugin, "Plugin.Nope", argo.GetMetadataArgs{Metric: metric}, &m)
	closePlugin()

	call(ctl, "Control.Quit", true, &empty)
	closeControl()
}
