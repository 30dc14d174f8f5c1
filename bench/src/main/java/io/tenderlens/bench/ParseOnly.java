package io.tenderlens.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.source.ocds.OcdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor for {@code compile}'s speed: merely parsing the same bytes with Jackson, on one thread,
 * with the same Jackson configuration (exact decimals). Not part of the product.
 *
 * <pre>java -cp ... io.tenderlens.bench.ParseOnly [tree|tokens] FILE...</pre>
 *
 * {@code tree} (the default) reads every top-level value into a tree, as any program that looks at
 * the data must; {@code tokens} only steps through the tokens, decoding nothing it can skip.
 */
public final class ParseOnly {
    private ParseOnly() {}

    public static void main(String[] args) throws IOException {
        int first = 0;
        boolean tree = true;
        if (args.length > 0 && (args[0].equals("tree") || args[0].equals("tokens"))) {
            tree = args[0].equals("tree");
            first = 1;
        }
        ObjectMapper mapper = OcdsJson.mapper();
        long started = System.nanoTime();
        long bytes = 0;
        long values = 0;
        long tokens = 0;
        for (int i = first; i < args.length; i++) {
            Path file = Path.of(args[i]);
            bytes += Files.size(file);
            try (InputStream in = Files.newInputStream(file); JsonParser p = mapper.createParser(in)) {
                if (tree) {
                    try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(p)) {
                        while (it.hasNext()) {
                            it.next();
                            values++;
                        }
                    }
                } else {
                    for (JsonToken t; (t = p.nextToken()) != null; ) {
                        tokens++;
                        if (t == JsonToken.VALUE_STRING) {
                            p.getTextLength();
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "parse-only (%s): %,d bytes, %,d %s in %.2f s (%.1f MB/s)%n",
                tree ? "tree" : "tokens", bytes, tree ? values : tokens, tree ? "values" : "tokens", seconds,
                bytes / seconds / (1 << 20));
    }
}
