/**
 * Go's {@code encoding/gob} wire format in plain Java: a decoder driven by the type definitions on the wire,
 * and an encoder whose output is byte-identical to Go's.
 *
 * <p>Gob type definitions are sent once per stream and direction, so each side of a connection keeps one
 * {@link io.voyager.rollouts.goplugin.gob.GobDecoder} for what it reads and one
 * {@link io.voyager.rollouts.goplugin.gob.GobEncoder} for what it writes, for the life of the stream:
 *
 * <pre>{@code
 * GobDecoder in = new GobDecoder();
 * GobStruct header = (GobStruct) in.decodeValue(stream);          // net/rpc Request
 * GobInterface args = (GobInterface) in.decodeValue(stream);      // e.g. "RunArgs"
 *
 * GobType.Struct measurement = GobType.struct("v1alpha1.Measurement",
 *     field("Phase", GobType.STRING), ...,
 *     field("StartedAt", GobType.pointerTo(GobType.METAV1_TIME)), ...);
 * GobEncoder out = new GobEncoder();
 * byte[] reply = out.encode(measurement, Map.of("Phase", "Successful", "StartedAt", GoTime.utc(now)));
 * }</pre>
 *
 * <p>Describing a reply type with Go's names, kinds and pointers (as above) makes the bytes identical to a Go
 * program's; the receiver only needs field names and kinds to match. Hostile input ends in
 * {@link io.voyager.rollouts.goplugin.gob.GobException}, bounded by
 * {@link io.voyager.rollouts.goplugin.gob.GobLimits}.
 */
package io.voyager.rollouts.goplugin.gob;
