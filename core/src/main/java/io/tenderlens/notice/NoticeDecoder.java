package io.tenderlens.notice;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a saved notice → text. Chinese sites declare GB2312 or GBK but use characters outside
 * them, so every GB-family declaration is decoded as GB18030 (a superset). Order of evidence:
 * byte-order mark, then a declaration ({@code <meta charset>}, {@code http-equiv}, XML prolog),
 * then strict UTF-8, then GB18030.
 */
public final class NoticeDecoder {
    /** The decoded text and how its encoding was chosen (for the notice's provenance). */
    public record Decoded(String text, Charset charset, String evidence) {}

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Declarations are looked for in the first bytes only, as browsers do. */
    private static final int DECLARATION_WINDOW = 4096;
    private static final Pattern DECLARED = Pattern.compile(
            "(?i)(?:<meta[^>]{0,200}?charset\\s*=\\s*[\"']?|<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"'])([A-Za-z0-9._:-]{2,40})");

    private NoticeDecoder() {}

    /** Decodes a page or text file; never fails (undecodable bytes become U+FFFD in GB18030 mode). */
    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom");
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null) {
            if (declared.equals(StandardCharsets.UTF_8)) {
                // A page saved by a browser keeps the original declaration but may be re-encoded: trust the bytes.
                String strict = strictUtf8(bytes);
                if (strict != null) {
                    return new Decoded(strict, StandardCharsets.UTF_8, "declared");
                }
                return new Decoded(new String(bytes, GB18030), GB18030, "declared utf-8 but not valid utf-8");
            }
            if (declared.equals(GB18030)) {
                String strict = strictUtf8(bytes);
                if (strict != null && hasNonAscii(bytes)) {
                    return new Decoded(strict, StandardCharsets.UTF_8, "declared gb but valid utf-8");
                }
            }
            return new Decoded(new String(bytes, declared), declared, "declared");
        }
        String strict = strictUtf8(bytes);
        if (strict != null) {
            return new Decoded(strict, StandardCharsets.UTF_8, "sniffed");
        }
        return new Decoded(new String(bytes, GB18030), GB18030, "sniffed");
    }

    /** The charset named by a declaration near the start, with GB2312/GBK mapped to GB18030; null if none or unknown. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        while (m.find()) {
            Charset c = charsetNamed(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** Maps a declared name to the charset used to decode it; GB-family names all decode as GB18030. */
    static Charset charsetNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "-");
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("gb18030") || n.equals("cp936")
                || n.equals("euc-cn") || n.equals("hz-gb-2312") || n.equals("windows-936")) {
            return GB18030;
        }
        if (n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * The bytes as UTF-8 if they are valid UTF-8, else null. The JDK's decoder (fast, vectorised) replaces every
     * malformed sequence by U+FFFD, so a result without U+FFFD was valid; only a text that holds U+FFFD, as
     * invalid bytes or as the character itself, is checked byte by byte.
     */
    private static String strictUtf8(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') < 0 || isValidUtf8(bytes) ? s : null;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
