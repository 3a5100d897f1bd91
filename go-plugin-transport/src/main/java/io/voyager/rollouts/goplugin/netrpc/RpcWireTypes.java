package io.voyager.rollouts.goplugin.netrpc;

import static io.voyager.rollouts.goplugin.gob.GobType.field;

import io.voyager.rollouts.goplugin.gob.GobType;

/** The gob types of Go's net/rpc headers and of the empty struct go-plugin and net/rpc reply with. */
public final class RpcWireTypes {
    public static final GobType.Struct REQUEST =
            GobType.struct("rpc.Request", field("ServiceMethod", GobType.STRING), field("Seq", GobType.UINT64));
    public static final GobType.Struct RESPONSE = GobType.struct(
            "rpc.Response",
            field("ServiceMethod", GobType.STRING),
            field("Seq", GobType.UINT64),
            field("Error", GobType.STRING));
    /** Go's {@code struct{}}: the reply of Control.Ping/Quit and the body of every error response. */
    public static final GobType.Struct EMPTY = GobType.struct("");

    private RpcWireTypes() {}
}
