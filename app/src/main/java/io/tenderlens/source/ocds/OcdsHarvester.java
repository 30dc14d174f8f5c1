package io.tenderlens.source.ocds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tenderlens.archive.Archive;
import io.tenderlens.source.harvest.Fetched;
import io.tenderlens.source.harvest.HarvestReport;
import io.tenderlens.source.harvest.HarvestState;
import io.tenderlens.source.harvest.HarvestedDocument;
import io.tenderlens.source.harvest.HarvestJob;
import io.tenderlens.source.harvest.PoliteClient;
import io.tenderlens.source.harvest.Validators;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Harvests an OCDS publisher: a release or record package API followed through {@code links.next}, or a bulk file
 * ({@code .json}, {@code .jsonl}, {@code .gz}, {@code .zip}). Each page is archived first, then its releases are read
 * ({@link OcdsReader}) and handed on. Incremental: the next run starts from the page where the last one ended (a
 * conditional request says whether it changed), or, with a {@code since} parameter, asks the API for releases after
 * the latest release date seen; a bulk file is fetched conditionally (ETag / Last-Modified).
 */
public final class OcdsHarvester {
    private static final JsonFactory JSON = new JsonFactory();

    private final HarvestJob job;
    private final PoliteClient client;
    private final Archive archive;
    private final HarvestState state;
    private final OcdsHandler releases;
    private final Consumer<String> progress;

    public OcdsHarvester(HarvestJob job, OcdsHandler releases) {
        this.job = job;
        this.client = job.client();
        this.archive = job.archive();
        this.state = job.state();
        this.releases = releases;
        this.progress = job.progress();
    }

    /**
     * Runs from {@code start}, or from where the previous run ended unless {@code full}.
     *
     * @param sinceParam query parameter the API takes for "releases after this date", or null
     */
    public HarvestReport run(URI start, boolean full, String sinceParam) throws IOException, InterruptedException {
        Optional<String> lastDate = state.get("lastDateSeen");
        URI first;
        if (!full && state.get("nextPage").isPresent()) {
            first = URI.create(state.get("nextPage").get());
        } else if (!full && sinceParam != null && lastDate.isPresent()) {
            first = withParam(start, sinceParam, lastDate.get());
        } else if (!full && state.get("lastPage").isPresent()) {
            first = URI.create(state.get("lastPage").get());
        } else {
            first = start;
        }
        String[] maxDate = {lastDate.orElse(null)};
        return job.run(tally -> {
            for (URI url = first; url != null; ) {
                if (client.fetchedThisRun(url)) {
                    progress.accept("ocds: links.next leads back to " + url + "; stopping");
                    break;
                }
                state.put("nextPage", url.toString());
                Fetched page = client.get(url, full ? Validators.NONE : state.validators(url.toString()));
                if (page.notModified()) {
                    state.put("nextPage", null);
                    tally.notModified++;
                    progress.accept("ocds: " + url + " has not changed since the last run");
                    break;
                }
                tally.listPages++;
                Archive.Entry entry = archive.add(page.body());
                archive.commit();
                if (entry.added()) {
                    tally.archivedNew++;
                } else {
                    tally.alreadyArchived++;
                }
                job.sink().accept(new HarvestedDocument("ocds", url.toString(), entry.sha256(), page.body(), page.contentType()));
                Path object = archive.objectPath(entry.sha256()).orElseThrow();
                ReadCounts counts;
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(object)) {
                  counts = OcdsReader.trees().read(url.toString(), in, new OcdsHandler() {
                    @Override public void release(OcdsRelease release) throws IOException {
                        String date = release.date();
                        if (date != null && (maxDate[0] == null || date.compareTo(maxDate[0]) > 0)) {
                            maxDate[0] = date;
                        }
                        releases.release(release);
                    }

                    @Override public void problem(OcdsProblem problem) throws IOException {
                        releases.problem(problem);
                    }
                  });
                }
                URI next = nextLink(page.body(), url);
                progress.accept("ocds: " + url + " (" + counts + ")" + (next == null ? "" : ", next " + next));
                state.validators(url.toString(), page.validators());
                state.put("lastPage", url.toString());
                state.put("lastDateSeen", maxDate[0]);
                state.put("nextPage", next == null ? null : next.toString());
                state.save();
                url = next;
            }
        });
    }

    /** {@code links.next} of a package (read by streaming the top level only), or null; none in compressed files. */
    static URI nextLink(byte[] body, URI base) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) == 0x1f || (body[0] == 'P' && body[1] == 'K')) {
            return null;
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("links".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String link = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("next".equals(link) && v == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                            return base.resolve(p.getText().strip());
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            return null; // not one JSON object (JSON Lines, a broken page): no pagination to follow
        }
        return null;
    }

    private static URI withParam(URI uri, String name, String value) {
        String sep = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(uri + sep + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
