package io.voyager.rollouts.argo;

import static io.voyager.rollouts.goplugin.gob.GobType.field;

import io.voyager.rollouts.goplugin.gob.GobType;

/** The gob types of the replies the controller decodes: field names and kinds as in Argo's Go types. */
public final class ArgoWireTypes {
    public static final GobType.Basic ANALYSIS_PHASE = GobType.named("v1alpha1.AnalysisPhase", GobType.STRING);
    public static final GobType TIME_POINTER = GobType.pointerTo(GobType.METAV1_TIME);
    public static final GobType.MapType STRING_MAP = GobType.map(GobType.STRING, GobType.STRING);

    public static final GobType.Struct MEASUREMENT = GobType.struct(
            "v1alpha1.Measurement",
            field("Phase", ANALYSIS_PHASE),
            field("Message", GobType.STRING),
            field("StartedAt", TIME_POINTER),
            field("FinishedAt", TIME_POINTER),
            field("Value", GobType.STRING),
            field("Metadata", STRING_MAP),
            field("ResumeAt", TIME_POINTER));

    public static final GobType.Struct RPC_ERROR =
            GobType.struct("types.RpcError", field("ErrorString", GobType.STRING));

    private ArgoWireTypes() {}
}
