package io.tenderlens.notice;

import java.nio.charset.Charset;
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

    /** The bytes as UTF-8 if they are valid UTF-8 (checked in one pass, then decoded by the JDK's fast path), else null. */
    private static String strictUtf8(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return null;
            }
            if (i + extra >= n) {
                return null;
            }
            int cp = b & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null; // overlong, out of range, or a surrogate
            }
            i += extra + 1;
        }
        return new String(bytes, StandardCharsets.UTF_8);
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
