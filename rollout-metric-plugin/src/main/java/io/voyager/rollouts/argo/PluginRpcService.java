package io.voyager.rollouts.argo;

import io.voyager.rollouts.goplugin.MagicCookie;
import io.voyager.rollouts.goplugin.gob.GoTime;
import io.voyager.rollouts.goplugin.gob.GobInterface;
import io.voyager.rollouts.goplugin.gob.GobStruct;
import io.voyager.rollouts.goplugin.gob.GobType;
import io.voyager.rollouts.goplugin.netrpc.RpcReply;
import io.voyager.rollouts.goplugin.netrpc.RpcServices;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Service {@code Plugin} as Argo's controller calls it: decodes the interface-wrapped arguments
 * ({@code RunArgs}, {@code TerminateAndResumeArgs}, ...) and encodes the replies Argo expects.
 */
public final class PluginRpcService {
    /** The name go-plugin's host dispenses the metric provider under. */
    public static final String PLUGIN_SET_NAME = "RpcMetricProviderPlugin";
    /** The handshake cookie Argo Rollouts sets for metric-provider plugins. */
    public static final MagicCookie HANDSHAKE = new MagicCookie("ARGO_ROLLOUTS_RPC_PLUGIN", "metricprovider");

    public static final String SERVICE = "Plugin";

    private PluginRpcService() {}

    public static RpcServices create(MetricProviderPlugin plugin) {
        return new RpcServices()
                .register(SERVICE, "InitPlugin", arg -> rpcError(plugin.initPlugin()))
                .register(SERVICE, "Run", arg -> {
                    GobStruct args = args(arg, "RunArgs");
                    return measurement(plugin.run(run(args), metric(args)));
                })
                .register(SERVICE, "Resume", arg -> {
                    GobStruct args = args(arg, "TerminateAndResumeArgs");
                    return measurement(plugin.resume(run(args), metric(args), inProgress(args)));
                })
                .register(SERVICE, "Terminate", arg -> {
                    GobStruct args = args(arg, "TerminateAndResumeArgs");
                    return measurement(plugin.terminate(run(args), metric(args), inProgress(args)));
                })
                .register(SERVICE, "GarbageCollect", arg -> {
                    GobStruct args = args(arg, "GarbageCollectArgs");
                    return rpcError(plugin.garbageCollect(run(args), metric(args), args.integer("Limit")));
                })
                .register(SERVICE, "Type", arg -> RpcReply.of(GobType.STRING, plugin.type()))
                .register(
                        SERVICE,
                        "GetMetadata",
                        arg -> RpcReply.of(
                                ArgoWireTypes.STRING_MAP, plugin.metadata(metric(args(arg, "GetMetadataArgs")))));
    }

    /** Unwraps the interface value; anything else gets the error Argo's Go server would send. */
    private static GobStruct args(Object argument, String registeredName) {
        if (argument instanceof GobInterface iface
                && registeredName.equals(iface.concreteTypeName())
                && iface.value() instanceof GobStruct args) {
            return args;
        }
        throw new IllegalArgumentException("invalid args " + describe(argument));
    }

    private static String describe(Object argument) {
        return argument instanceof GobInterface iface ? iface.concreteTypeName() : String.valueOf(argument);
    }

    private static AnalysisRunView run(GobStruct args) {
        return ArgoDecoding.analysisRun(args.struct("AnalysisRun"));
    }

    private static MetricView metric(GobStruct args) {
        return ArgoDecoding.metric(args.struct("Metric"));
    }

    private static Measurement inProgress(GobStruct args) {
        return ArgoDecoding.measurement(args.struct("Measurement"));
    }

    private static RpcReply rpcError(RpcError error) {
        return RpcReply.of(ArgoWireTypes.RPC_ERROR, Map.of("ErrorString", error.errorString()));
    }

    static RpcReply measurement(Measurement m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Phase", m.phase() == null ? "" : m.phase().name());
        fields.put("Message", m.message());
        putTime(fields, "StartedAt", m.startedAt());
        putTime(fields, "FinishedAt", m.finishedAt());
        fields.put("Value", m.value());
        fields.put("Metadata", m.metadata());
        putTime(fields, "ResumeAt", m.resumeAt());
        return RpcReply.of(ArgoWireTypes.MEASUREMENT, fields);
    }

    private static void putTime(Map<String, Object> fields, String name, Instant instant) {
        if (instant != null) {
            fields.put(name, GoTime.utc(instant));
        }
    }
}
