package io.voyager.rollouts.goplugin.gob;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Time} in its {@code MarshalBinary} layout, which is also what {@code GobEncode} produces and
 * therefore what every {@code metav1.Time} carries on the wire.
 *
 * <p>Layout: version byte (1, or 2 when the zone offset has a seconds part), int64 seconds since
 * 0001-01-01T00:00:00Z, int32 nanoseconds, int16 zone offset in minutes (-1 = the UTC location), and for
 * version 2 one int8 of extra offset seconds. All big-endian.
 *
 * @param instant the point in time
 * @param offsetSeconds the zone offset east of UTC that Go would display it in
 * @param utc true if Go's location was {@code time.UTC} (offset field -1), false for a fixed or local zone,
 *     which matters because both exist on the wire with offset 0
 */
public record GoTime(Instant instant, int offsetSeconds, boolean utc) {

    /** Seconds from 0001-01-01T00:00:00Z to the Unix epoch. */
    static final long UNIX_TO_INTERNAL = 62_135_596_800L;

    private static final int V1 = 1;
    private static final int V2 = 2;
    private static final int V1_LENGTH = 15;

    public GoTime {
        if (utc && offsetSeconds != 0) {
            throw new IllegalArgumentException("a UTC time has offset 0");
        }
    }

    /** A time in Go's UTC location, as Kubernetes and Argo produce them. */
    public static GoTime utc(Instant instant) {
        return new GoTime(instant, 0, true);
    }

    /** A time in a fixed zone. */
    public static GoTime at(Instant instant, ZoneOffset offset) {
        return new GoTime(instant, offset.getTotalSeconds(), false);
    }

    /**
     * The MarshalBinary bytes of {@code instant}. {@code offsetMinutes == -1} means Go's UTC location (what
     * {@code time.Now().UTC()} produces); any other value is a fixed zone that many minutes east of UTC.
     */
    public static byte[] marshalBinary(Instant instant, int offsetMinutes) {
        return offsetMinutes == -1
                ? utc(instant).toBinary()
                : new GoTime(instant, offsetMinutes * 60, false).toBinary();
    }

    /** Parses MarshalBinary bytes (version 1 or 2); throws {@link GobException} on any other layout. */
    public static GoTime fromBinary(byte[] data) {
        if (data.length == 0) {
            throw new GobException("time: no data");
        }
        int version = data[0];
        if (version != V1 && version != V2) {
            throw new GobException("time: unsupported version " + version);
        }
        if (data.length != (version == V2 ? V1_LENGTH + 1 : V1_LENGTH)) {
            throw new GobException("time: invalid length " + data.length);
        }
        ByteBuffer b = ByteBuffer.wrap(data, 1, data.length - 1);
        long sec = b.getLong();
        int nanos = b.getInt();
        int offsetMinutes = b.getShort();
        if (nanos < 0 || nanos > 999_999_999) {
            throw new GobException("time: nanoseconds out of range: " + nanos);
        }
        Instant instant;
        try {
            instant = Instant.ofEpochSecond(Math.subtractExact(sec, UNIX_TO_INTERNAL), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new GobException("time: seconds out of range: " + sec);
        }
        if (offsetMinutes == -1) {
            return new GoTime(instant, 0, true);
        }
        int offset = offsetMinutes * 60 + (version == V2 ? data[15] : 0);
        return new GoTime(instant, offset, false);
    }

    /** The MarshalBinary bytes, exactly as Go produces them for this time. */
    public byte[] toBinary() {
        int offsetMinutes = utc ? -1 : offsetSeconds / 60;
        int extraSeconds = utc ? 0 : offsetSeconds % 60;
        if (!utc && (offsetMinutes == -1 || offsetMinutes < Short.MIN_VALUE || offsetMinutes > Short.MAX_VALUE)) {
            throw new GobException("time: zone offset cannot be encoded: " + offsetSeconds + "s");
        }
        ByteBuffer b = ByteBuffer.allocate(extraSeconds == 0 ? V1_LENGTH : V1_LENGTH + 1);
        b.put((byte) (extraSeconds == 0 ? V1 : V2));
        b.putLong(instant.getEpochSecond() + UNIX_TO_INTERNAL);
        b.putInt(instant.getNano());
        b.putShort((short) offsetMinutes);
        if (extraSeconds != 0) {
            b.put((byte) extraSeconds);
        }
        return b.array();
    }

    public OffsetDateTime toOffsetDateTime() {
        return instant.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }
}
