package io.tenderlens.source.ocds;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered input that remembers what it has handed out: the last {@value #KEEP} bytes always, and
 * everything from a {@linkplain #retainFrom retained offset} on. That lets the reader copy a release's
 * raw bytes once the parser has passed them, step back to where a parser failed, and serve one line
 * at a time. Offsets are absolute: bytes since the start of the input.
 */
final class ByteWindow extends InputStream {
    /** More than a Jackson parser reads ahead of the token it returns (8,000 bytes). */
    static final int KEEP = 64 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[256 * 1024];
    private long bufStart;
    private int pos;
    private int limit;
    private boolean eof;
    private long retainFrom = -1;

    ByteWindow(InputStream in) {
        this.in = in;
    }

    /** A window over bytes already in memory (the array is used as it is). */
    ByteWindow(byte[] data) {
        this.in = InputStream.nullInputStream();
        this.buf = data;
        this.limit = data.length;
        this.eof = true;
    }

    /** Absolute offset of the next byte to be handed out. */
    long position() {
        return bufStart + pos;
    }

    /** Keeps every byte from {@code offset} on until called again ({@code -1}: keep only the last {@value #KEEP}). */
    void retainFrom(long offset) {
        retainFrom = offset;
    }

    /** A copy of the bytes between two absolute offsets, which must still be held. */
    byte[] slice(long from, long to) {
        if (from < bufStart || to > bufStart + limit || from > to) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are no longer held (holding "
                    + bufStart + ".." + (bufStart + limit) + ")");
        }
        return Arrays.copyOfRange(buf, (int) (from - bufStart), (int) (to - bufStart));
    }

    /** Goes back to an absolute offset already handed out, if it is still held; returns whether it could. */
    boolean rewind(long offset) {
        if (offset < bufStart || offset > bufStart + limit) {
            return false;
        }
        pos = (int) (offset - bufStart);
        return true;
    }

    /** Whether at least one more byte is available (reading more if needed). */
    boolean fill() throws IOException {
        while (pos >= limit) {
            if (eof || !readMore()) {
                return false;
            }
        }
        return true;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        return fill() ? buf[pos] & 0xff : -1;
    }

    /** Reads more input into the buffer, dropping what no longer needs keeping. False at the end. */
    private boolean readMore() throws IOException {
        long keepFrom = position() - KEEP;
        if (retainFrom >= 0) {
            keepFrom = Math.min(keepFrom, retainFrom);
        }
        // never drop what has not been handed out yet
        int drop = (int) Math.max(0, Math.min(keepFrom - bufStart, pos));
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, limit - drop);
            limit -= drop;
            pos -= drop;
            bufStart += drop;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /**
     * How many bytes from the current position up to and including the first newline, reading ahead
     * (without consuming) at most {@code max} bytes; the number of bytes left when the input ends first;
     * -1 when there is no newline within {@code max} bytes.
     */
    int peekLine(int max) throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit && scanned < max; i++, scanned++) {
                if (buf[i] == '\n') {
                    return scanned + 1;
                }
            }
            if (scanned >= max) {
                return -1;
            }
            if (eof || !readMore()) {
                return limit - pos;
            }
        }
    }

    /**
     * Takes whole lines as a copy: every line up to and including the first that ends at or past
     * {@code target} bytes (the last line of the input may lack its newline). Null if the next line
     * alone is longer than {@code max} (nothing is taken then); lines before such a line are taken
     * without it.
     */
    byte[] takeLines(int target, int max) throws IOException {
        int scanned = 0;
        int lastCut = 0;
        int cut = -1;
        while (cut < 0) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    int length = i - pos + 1;
                    if (length - lastCut > max) {
                        break;
                    }
                    lastCut = length;
                    if (length >= target) {
                        cut = length;
                        break;
                    }
                }
            }
            if (cut >= 0) {
                break;
            }
            scanned = limit - pos;
            if (scanned - lastCut > max) {
                if (lastCut == 0) {
                    return null;
                }
                cut = lastCut;
            } else if (eof || !readMore()) {
                cut = limit - pos;
            }
        }
        byte[] chunk = Arrays.copyOfRange(buf, pos, pos + cut);
        pos += cut;
        return chunk;
    }

    /** The buffer holding the bytes {@link #peekLine} looked at, from {@link #peekOffset()}. */
    byte[] peekBuffer() {
        return buf;
    }

    int peekOffset() {
        return pos;
    }

    /** Consumes bytes up to and including the next newline; false if the input ended first. */
    boolean skipLine() throws IOException {
        while (fill()) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    return true;
                }
            }
            pos = limit;
        }
        return false;
    }

    @Override public int read() throws IOException {
        return fill() ? buf[pos++] & 0xff : -1;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** A view that ends after the next newline: one line for one parser. */
    LineView line() {
        return new LineView();
    }

    final class LineView extends InputStream {
        private boolean ended;
        private boolean newline;

        /** Whether the line ended with a newline (false: the input ended). */
        boolean endedWithNewline() {
            return newline;
        }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                ended = true;
                return -1;
            }
            int end = Math.min(limit, pos + len);
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    end = i + 1;
                    ended = true;
                    newline = true;
                    break;
                }
            }
            int n = end - pos;
            System.arraycopy(buf, pos, b, off, n);
            pos = end;
            return n;
        }

        /** Consumes the rest of the line. */
        void skipRest() throws IOException {
            if (!ended) {
                newline = skipLine();
                ended = true;
            }
        }
    }
}
