package org.luxnet.scene.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a PLY file: format, elements with their properties, and where the data begins.
 *
 * @param format      how the data after the header is encoded
 * @param elements    elements in file order
 * @param dataOffset  index of the first data byte
 * @param headerLines number of header lines (ASCII data starts on the next line)
 */
record PlyHeader(Format format, List<PlyElement> elements, int dataOffset, int headerLines) {

    enum Format { ASCII, BINARY_LITTLE_ENDIAN, BINARY_BIG_ENDIAN }

    /** The first element called {@code name}, or null. */
    PlyElement element(String name) {
        for (PlyElement e : elements) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static PlyHeader parse(byte[] bytes, PlySource src) {
        Format format = null;
        List<PlyElement> elements = new ArrayList<>();
        int pos = 0;
        int lineNo = 0;
        while (true) {
            int nl = indexOf(bytes, (byte) '\n', pos);
            if (nl < 0) {
                throw lineNo == 0 ? src.error("not a PLY file (no header line; the file is empty or has no line breaks)")
                        : src.error("the header has no end_header line (truncated or not a PLY file)");
            }
            String line = new String(bytes, pos, nl - pos, StandardCharsets.ISO_8859_1).trim();
            pos = nl + 1;
            lineNo++;
            if (lineNo == 1) {
                if (!line.equals("ply")) {
                    throw src.errorAtLine(1, "not a PLY file: the first line must be 'ply'");
                }
                continue;
            }
            String[] w = line.split("\\s+");
            switch (w[0]) {
                case "":
                case "comment":
                case "obj_info":
                    break;
                case "format":
                    format = format(w, src, lineNo);
                    break;
                case "element":
                    elements.add(element(w, src, lineNo));
                    break;
                case "property":
                    if (elements.isEmpty()) {
                        throw src.errorAtLine(lineNo, "property before any element");
                    }
                    elements.get(elements.size() - 1).properties().add(property(w, src, lineNo));
                    break;
                case "end_header":
                    if (format == null) {
                        throw src.errorAtLine(lineNo, "the header has no format line");
                    }
                    List<PlyElement> frozen = new ArrayList<>();
                    for (PlyElement e : elements) {
                        frozen.add(new PlyElement(e.name(), e.count(), List.copyOf(e.properties())));
                    }
                    return new PlyHeader(format, List.copyOf(frozen), pos, lineNo);
                default:
                    throw src.errorAtLine(lineNo, "unknown header keyword '" + w[0]
                            + "' (expected format, element, property, comment, obj_info or end_header)");
            }
        }
    }

    private static Format format(String[] w, PlySource src, int lineNo) {
        if (w.length < 2) {
            throw src.errorAtLine(lineNo, "format line without a format");
        }
        switch (w[1]) {
            case "ascii": return Format.ASCII;
            case "binary_little_endian": return Format.BINARY_LITTLE_ENDIAN;
            case "binary_big_endian": return Format.BINARY_BIG_ENDIAN;
            default:
                throw src.errorAtLine(lineNo, "unsupported format '" + w[1]
                        + "' (expected ascii, binary_little_endian or binary_big_endian)");
        }
    }

    private static PlyElement element(String[] w, PlySource src, int lineNo) {
        if (w.length != 3) {
            throw src.errorAtLine(lineNo, "expected 'element <name> <count>'");
        }
        long count;
        try {
            count = Long.parseLong(w[2]);
        } catch (NumberFormatException e) {
            throw src.errorAtLine(lineNo, "element '" + w[1] + "' has a malformed count '" + w[2] + "'");
        }
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw src.errorAtLine(lineNo, "element '" + w[1] + "' has an impossible count " + count);
        }
        return new PlyElement(w[1], count, new ArrayList<>());
    }

    private static PlyProperty property(String[] w, PlySource src, int lineNo) {
        if (w.length == 5 && w[1].equals("list")) {
            PlyType countType = type(w[2], src, lineNo);
            if (!countType.integer) {
                throw src.errorAtLine(lineNo, "list property '" + w[4] + "' has a non-integer length type '" + w[2] + "'");
            }
            return new PlyProperty(w[4], type(w[3], src, lineNo), countType, w[3]);
        }
        if (w.length != 3) {
            throw src.errorAtLine(lineNo, "expected 'property <type> <name>' or 'property list <count type> <type> <name>'");
        }
        return new PlyProperty(w[2], type(w[1], src, lineNo), null, w[1]);
    }

    private static PlyType type(String word, PlySource src, int lineNo) {
        PlyType t = PlyType.fromWord(word);
        if (t == null) {
            throw src.errorAtLine(lineNo, "unknown property type '" + word
                    + "' (expected char, uchar, short, ushort, int, uint, float, double or their sized names)");
        }
        return t;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
