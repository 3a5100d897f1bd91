// Command refplugin is a metric-provider plugin written in Go with go-plugin, shaped like Argo's
// own plugins. The Java transport is tested as a client against it.
package main

import (
	plugin "github.com/hashicorp/go-plugin"

	"voyager/argo"
)

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: argo.Handshake,
		Plugins:         map[string]plugin.Plugin{argo.PluginSetName: &argo.ProviderPlugin{Impl: argo.Reference{}}},
	})
}
