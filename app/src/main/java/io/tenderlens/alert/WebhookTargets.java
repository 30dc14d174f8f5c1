package io.tenderlens.alert;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a webhook may be posted to. Only {@code http} and {@code https} URLs without user
 * info; the host is resolved and every address it resolves to must be public: not loopback, "this
 * network" (0.0.0.0/8, ::), private (10/8, 172.16/12, 192.168/16), shared CGNAT space (100.64/10),
 * link-local (169.254/16 — cloud metadata at 169.254.169.254 — and fe80::/10), multicast, reserved
 * (240/4, broadcast), unique-local (fc00::/7) or site-local (fec0::/10) IPv6, nor an IPv6 form that
 * embeds one of those IPv4 addresses (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16). {@code allowPrivate} lifts the address rule (for a receiver on the
 * same machine or network, and for tests); the scheme rule stays.
 *
 * <p>Checked when a webhook is registered and again before every send, since what a name resolves
 * to may change.
 */
public final class WebhookTargets {
    /** Resolves a host name to its addresses (the system resolver, or a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The system resolver; private addresses refused unless {@code allowPrivate}. */
    public static WebhookTargets system(boolean allowPrivate) {
        return new WebhookTargets(allowPrivate, InetAddress::getAllByName);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * The URL, checked.
     *
     * @throws WebhookTargetException when it is not an http(s) URL, its host does not resolve, or it
     *         resolves to an address that is not allowed
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookTargetException("webhook URL '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookTargetException("webhook URL '" + url + "': only http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookTargetException("webhook URL '" + url + "': user names or passwords in the URL are not allowed"
                    + " (the request is signed instead)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new WebhookTargetException("webhook URL '" + url + "' has no host name");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new WebhookTargetException("webhook URL '" + url + "': host '" + host + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new WebhookTargetException("webhook URL '" + url + "': host '" + host + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = refusal(a);
            if (why.isPresent()) {
                throw new WebhookTargetException("webhook URL '" + url + "': host '" + host + "' resolves to "
                        + a.getHostAddress() + ", a " + why.get() + " address; webhooks go to public addresses only"
                        + " (start tenderlens with --allow-private-webhooks to allow it)");
            }
        }
        return uri;
    }

    /** Why an address may not receive webhooks (its class), or empty when it is public. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return refusalV4(b);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        boolean zeroPrefix80 = w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0;
        if (zeroPrefix80 && w[5] == 0xffff) {
            return refusalV4(Arrays.copyOfRange(b, 12, 16)).map(r -> r + " (IPv4-mapped)");
        }
        if (zeroPrefix80 && w[5] == 0) {
            if (w[6] == 0 && w[7] == 0) {
                return Optional.of("unspecified (::)");
            }
            if (w[6] == 0 && w[7] == 1) {
                return Optional.of("loopback");
            }
            return refusalV4(Arrays.copyOfRange(b, 12, 16)).map(r -> r + " (IPv4-compatible)");
        }
        if (w[0] == 0x64 && w[1] == 0xff9b && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0) {
            return refusalV4(Arrays.copyOfRange(b, 12, 16)).map(r -> r + " (NAT64)");
        }
        if (w[0] == 0x2002) {
            return refusalV4(Arrays.copyOfRange(b, 2, 6)).map(r -> r + " (6to4)");
        }
        if ((w[0] & 0xfe00) == 0xfc00) {
            return Optional.of("unique-local IPv6 (fc00::/7)");
        }
        if ((w[0] & 0xffc0) == 0xfe80) {
            return Optional.of("link-local IPv6 (fe80::/10)");
        }
        if ((w[0] & 0xffc0) == 0xfec0) {
            return Optional.of("site-local IPv6 (fec0::/10)");
        }
        if ((w[0] & 0xff00) == 0xff00) {
            return Optional.of("multicast IPv6 (ff00::/8)");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("\"this network\" (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback (127.0.0.0/8)");
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return Optional.of("private (RFC 1918)");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("shared CGNAT (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local (169.254.0.0/16, cloud metadata)");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol (192.0.0.0/24)");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("benchmarking (198.18.0.0/15)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast (224.0.0.0/4)");
        }
        if (a0 >= 240) {
            return Optional.of("reserved or broadcast (240.0.0.0/4)");
        }
        return Optional.empty();
    }
}
