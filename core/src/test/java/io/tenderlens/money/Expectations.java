package io.tenderlens.money;

import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reading the hand-written expectation files and writing amounts in their notation: {@code 475/吨 UNIT_PRICE}. */
final class Expectations {
    private Expectations() {}

    /** One amount in the expectation notation. */
    static String show(AmountMatch m) {
        Money money = m.money();
        return money.amount().toPlainString() + (money.per() == null ? "" : "/" + money.per())
                + (money.currency().equals(Money.CNY) ? "" : " " + money.currency()) + " " + m.role();
    }

    /** All amounts, or "-" when there are none. */
    static String show(List<AmountMatch> matches) {
        return matches.isEmpty() ? "-" : matches.stream().map(Expectations::show).collect(Collectors.joining("; "));
    }

    /** The lines of a Guangxi snippet file (cn-notices group F). */
    static List<String> guangxiLines(String file) throws IOException {
        return Files.readAllLines(SharedData.path("cn-notices/text-snippets/guangxi/" + file), StandardCharsets.UTF_8);
    }

    /** The non-comment rows of a tab-separated resource beside this class. */
    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = Expectations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }
}
