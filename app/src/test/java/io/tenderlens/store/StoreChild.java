package io.tenderlens.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second process for the store tests: {@code hold DIR} opens DIR for writing ({@code read DIR}: for
 * reading), says "ready" and holds it until its standard input closes; {@code ingest DIR FILE} ingests a JSON Lines file in small
 * transactions, printing "stored N" after each batch and "compiled N" after each chunk of records, so the
 * test can kill it in the middle.
 */
final class StoreChild {
    private StoreChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("hold") || args[0].equals("read")) {
            try (Store store = args[0].equals("hold") ? Store.openForWriting(dir, "test holder") : Store.openReadOnly(dir)) {
                System.out.println("ready");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close our input
                }
            }
            return;
        }
        IngestListener progress = new IngestListener() {
            @Override public void problem(String file, String position, String message) {
                System.out.println("problem " + message);
            }

            @Override public void stored(long releasesRead) {
                System.out.println("stored " + releasesRead);
                System.out.flush();
            }

            @Override public void compiled(long done, long total) {
                System.out.println("compiled " + done);
                System.out.flush();
            }
        };
        try (Store store = Store.openForWriting(dir, "test ingest");
             ReleaseIngest ingest = store.beginIngest(StoreFixtures.COMPILER, progress, SMALL);
             BufferedReader lines = Files.newBufferedReader(Path.of(args[2]))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ingest.add((ObjectNode) Store.JSON.readTree(line), args[2], null);
            }
            ingest.finish();
        }
        System.out.println("finished");
    }

    /** Many small transactions, so that a kill lands between or inside them. */
    static final ReleaseIngest.Limits SMALL = new ReleaseIngest.Limits(100, 1 << 20, 20, 200);
}
