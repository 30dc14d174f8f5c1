package io.tenderlens.source.ocds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Re-encodes text in any charset as UTF-8, failing (MalformedInputException) on bytes the charset cannot decode. */
final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final char[] chars = new char[32 * 1024];
    private byte[] bytes = new byte[0];
    private int pos;
    private char pendingHighSurrogate;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private boolean refill() throws IOException {
        while (pos >= bytes.length) {
            int start = 0;
            if (pendingHighSurrogate != 0) {
                chars[0] = pendingHighSurrogate;
                pendingHighSurrogate = 0;
                start = 1;
            }
            int n = reader.read(chars, start, chars.length - start);
            if (n < 0) {
                if (start == 0) {
                    return false;
                }
                n = 0;
            }
            int len = start + n;
            // keep a high surrogate whose pair is still to come for the next round
            if (n > 0 && Character.isHighSurrogate(chars[len - 1])) {
                pendingHighSurrogate = chars[--len];
            }
            bytes = new String(chars, 0, len).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override public int read() throws IOException {
        return refill() ? bytes[pos++] & 0xff : -1;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!refill()) {
            return -1;
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override public void close() throws IOException {
        reader.close();
    }
}
