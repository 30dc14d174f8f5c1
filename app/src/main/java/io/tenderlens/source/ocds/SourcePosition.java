package io.tenderlens.source.ocds;

/**
 * Where something was found in an input: the file (for an archive, {@code archive.zip!/entry.json}),
 * the 1-based line and column, and the 0-based byte offset. Offsets of a {@code .gz} input count
 * decompressed bytes. Line, column or offset are -1 when unknown.
 */
public record SourcePosition(String file, long line, long column, long byteOffset) {

    /** A position that names only the file. */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, -1, -1, -1);
    }

    /**
     * The place within the file, {@code line 2, column 5 (byte 92)}, or whatever part of it is known;
     * null when nothing is.
     */
    public String withinFile() {
        StringBuilder s = new StringBuilder();
        if (line > 0) {
            s.append("line ").append(line);
            if (column > 0) {
                s.append(", column ").append(column);
            }
        }
        if (byteOffset >= 0) {
            s.append(s.length() > 0 ? " (byte " : "(byte ").append(byteOffset).append(')');
        }
        return s.length() == 0 ? null : s.toString();
    }

    /** Reads as {@code file, line 2, column 5 (byte 92)}: the words say which number is which. */
    @Override public String toString() {
        String within = withinFile();
        if (within == null) {
            return file;
        }
        return file + (line > 0 ? ", " : " ") + within;
    }
}
