package io.tenderlens.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTest {
    /** A resolver answering from a table: hook.example resolves to whatever the test says, other names do not resolve. */
    private static WebhookTargets targets(Map<String, String> table, boolean allowPrivate) {
        return new WebhookTargets(allowPrivate, host -> {
            String a = table.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(a)};
        });
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | loopback",
            "127.10.0.5 | loopback",
            "::1 | loopback",
            "0.0.0.0 | this network",
            ":: | unspecified",
            "10.1.2.3 | private",
            "172.16.0.1 | private",
            "172.31.255.254 | private",
            "192.168.1.1 | private",
            "100.64.0.1 | CGNAT",
            "100.127.255.254 | CGNAT",
            "169.254.169.254 | link-local",
            "169.254.1.1 | link-local",
            "224.0.0.251 | multicast",
            "239.255.255.250 | multicast",
            "255.255.255.255 | broadcast",
            "fe80::1 | link-local IPv6",
            "fc00::1 | unique-local",
            "fd12:3456:789a::1 | unique-local",
            "fec0::1 | site-local",
            "ff02::1 | multicast IPv6",
            "::ffff:127.0.0.1 | loopback",
            "::ffff:169.254.169.254 | link-local",
            "::ffff:10.0.0.1 | private",
            "::127.0.0.1 | IPv4-compatible",
            "64:ff9b::a9fe:a9fe | NAT64",
            "2002:c0a8:0101::1 | 6to4",
    })
    void everyNonPublicClassIsRefused(String address, String why) {
        WebhookTargets t = targets(Map.of("hook.example", address.strip()), false);
        assertThatThrownBy(() -> t.check("https://hook.example/in"))
                .isInstanceOf(WebhookTargetException.class)
                .hasMessageContaining("resolves to")
                .hasMessageContaining(why.strip())
                .hasMessageContaining("--allow-private-webhooks");
    }

    @Test
    void addressLiteralsInTheUrlAreCheckedToo() {
        WebhookTargets t = WebhookTargets.system(false);
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://[::1]/x", "http://[::ffff:7f00:1]/x", "http://2130706433/x",
                "http://0x7f000001/x", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://localhost/"}) {
            assertThatThrownBy(() -> t.check(url)).as(url).isInstanceOf(WebhookTargetException.class);
        }
    }

    @Test
    void publicAddressesPassAndOnlyHttpSchemesAreAllowed() {
        WebhookTargets t = targets(Map.of("hook.example", "93.184.215.14", "v6.example", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"), false);
        assertThat(t.check("https://hook.example/in?x=1").toString()).isEqualTo("https://hook.example/in?x=1");
        assertThat(t.check("http://v6.example:8443/").getPort()).isEqualTo(8443);
        for (String url : new String[] {"ftp://hook.example/", "file:///etc/passwd", "javascript:alert(1)", "gopher://hook.example/",
                "hook.example/in", ""}) {
            assertThatThrownBy(() -> t.check(url)).as(url).isInstanceOf(WebhookTargetException.class);
        }
        assertThatThrownBy(() -> t.check("https://user:pw@hook.example/")).hasMessageContaining("user names or passwords");
        assertThatThrownBy(() -> t.check("https://nowhere.example/")).hasMessageContaining("does not resolve");
    }

    @Test
    void everyAddressOfAHostMustBePublic() {
        WebhookTargets t = new WebhookTargets(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")});
        assertThatThrownBy(() -> t.check("https://hook.example/")).hasMessageContaining("10.0.0.7");
    }

    @Test
    void allowingPrivateTargetsLiftsTheAddressRuleButNotTheSchemeRule() {
        WebhookTargets t = targets(Map.of(), true);
        assertThat(t.check("http://127.0.0.1:9999/hook").getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> t.check("file:///etc/passwd")).isInstanceOf(WebhookTargetException.class);
    }
}
