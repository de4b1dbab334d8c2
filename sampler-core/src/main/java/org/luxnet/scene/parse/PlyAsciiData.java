package org.luxnet.scene.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.luxnet.scene.SceneException;

/** PLY data in the ascii format: whitespace-separated numbers, lines counted for messages. */
final class PlyAsciiData implements PlyData {
    private final byte[] bytes;
    private final PlySource src;
    private int pos;
    private int line;

    /** Data starting at {@code offset}, which is the first byte of line {@code firstLine}. */
    PlyAsciiData(byte[] bytes, int offset, int firstLine, PlySource src) {
        this.bytes = bytes;
        this.pos = offset;
        this.line = firstLine;
        this.src = src;
    }

    @Override
    public double read(PlyType t, PlyElement e, long item, PlyProperty p) {
        while (pos < bytes.length && isSpace(bytes[pos])) {
            if (bytes[pos] == '\n') {
                line++;
            }
            pos++;
        }
        if (pos >= bytes.length) {
            throw src.errorAtLine(line, "the file ends early: expected " + PlyData.where(e, item, p) + " (truncated file?)");
        }
        int start = pos;
        while (pos < bytes.length && !isSpace(bytes[pos])) {
            pos++;
        }
        String s = new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1);
        if (!Tokenizer.isWellFormedNumber(s)) {
            throw src.errorAtLine(line, "'" + (s.length() > 30 ? s.substring(0, 27) + "..." : s)
                    + "' is not a number (" + PlyData.where(e, item, p) + ")");
        }
        double v = Double.parseDouble(s);
        if (t.integer && v != Math.rint(v) || !Double.isFinite(v)) {
            throw src.errorAtLine(line, "'" + s + "' is not a valid " + t.name().toLowerCase(Locale.ROOT) + " ("
                    + PlyData.where(e, item, p) + ")");
        }
        return v;
    }

    @Override
    public SceneException error(String detail) {
        return src.errorAtLine(line, detail);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }
}
