package io.voyager.rollouts.goplugin.gob;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Byte strings in a readable notation: hex pairs, with "quoted" ASCII text in between. */
final class Bytes {

    private Bytes() {}

    static byte[] of(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < notation.length()) {
            char c = notation.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = notation.indexOf('"', i + 1);
                out.writeBytes(notation.substring(i + 1, end).getBytes(StandardCharsets.UTF_8));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(notation.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
