/**
 * The plugin side of HashiCorp go-plugin's net/rpc protocol in plain Java: the environment and magic cookie a
 * host starts a plugin with, the listener and the handshake line on stdout, the yamux session
 * ({@code goplugin.yamux}), go-plugin's control and broker services, and the net/rpc server
 * ({@code goplugin.netrpc}) over the gob codec ({@code goplugin.gob}).
 *
 * <p>A program serves its own net/rpc services through {@link io.voyager.rollouts.goplugin.GoPluginServer}; this
 * module knows nothing of Argo Rollouts' metric-provider calls, of the judge or of Prometheus, and depends on
 * the JDK alone. The one Argo value it holds is the handshake cookie of Argo Rollouts' metric-provider plugins
 * ({@link io.voyager.rollouts.goplugin.MagicCookie}).
 */
package io.voyager.rollouts.goplugin;
