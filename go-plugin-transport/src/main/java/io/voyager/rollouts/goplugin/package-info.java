/**
 * The plugin side of HashiCorp go-plugin's net/rpc protocol in plain Java: the environment and magic cookie a
 * host starts a plugin with, the listener and the handshake line on stdout, the yamux session
 * ({@code goplugin.yamux}), go-plugin's control and broker services, and the net/rpc server
 * ({@code goplugin.netrpc}) over the gob codec ({@code goplugin.gob}).
 *
 * <p>A program serves its own net/rpc services through {@link io.voyager.rollouts.goplugin.GoPluginServer}; this
 * module knows nothing of Argo Rollouts (its services, types and handshake cookie come from the program that
 * serves), of the judge or of Prometheus, and depends on the JDK alone.
 */
package io.voyager.rollouts.goplugin;
