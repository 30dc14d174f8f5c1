package io.tenderlens.source.harvest;

import io.tenderlens.archive.Archive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Harvests a {@link SearchSite}: for each search term (and each channel of a site that searches one channel at a time),
 * the date range is cut into windows no longer than the site accepts; a window whose result count exceeds the site's cap is halved until none does; each result page is read,
 * each hit followed once, its bytes archived first and then handed to the sink. Progress is saved after every page,
 * so a run that was blocked or killed continues where it stopped.
 */
public final class SearchHarvester {
    private final SearchSite site;
    private final HarvestJob job;
    private final PoliteClient client;
    private final Archive archive;
    private final HarvestState state;
    private final Consumer<String> progress;

    public SearchHarvester(SearchSite site, HarvestJob job) {
        this.site = site;
        this.job = job;
        this.client = job.client();
        this.archive = job.archive();
        this.state = job.state();
        this.progress = job.progress();
    }

    /** A window of days for one term in one channel (empty on a site without channels). */
    record Window(String term, String channel, LocalDate from, LocalDate to) {
        String key() {
            return term + (channel.isEmpty() ? "" : "|" + channel) + "|" + from + "|" + to;
        }

        String describe() {
            return from + ".." + to + " '" + term + "'" + (channel.isEmpty() ? "" : " in channel " + channel);
        }

        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    public HarvestReport run(List<String> terms, LocalDate from, LocalDate to) throws IOException, InterruptedException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Deque<Window> windows = new ArrayDeque<>();
        for (String term : terms) {
            for (String channel : site.channelsToSearch()) {
                for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(site.maxWindowDays())) {
                    LocalDate end = start.plusDays(site.maxWindowDays() - 1L);
                    windows.addLast(new Window(term, channel, start, end.isAfter(to) ? to : end));
                }
            }
        }
        return job.run(tally -> {
            while (!windows.isEmpty()) {
                Window w = windows.removeFirst();
                if (state.windowDone(w.key())) {
                    continue;
                }
                List<Window> halves = harvestWindow(w, tally);
                for (int i = halves.size() - 1; i >= 0; i--) {
                    windows.addFirst(halves.get(i));
                }
            }
        });
    }

    /** Harvests one window, or returns its two halves when it holds more results than the site lets us reach. */
    private List<Window> harvestWindow(Window w, HarvestReport.Tally tally)
            throws IOException, InterruptedException, HarvestBlockedException {
        ResultPage first = resultPage(w, 1, tally);
        if (first.total > site.resultCap() && w.days() > 1) {
            LocalDate middle = w.from().plusDays(w.days() / 2 - 1);
            state.windowDone(w.key(), "split: " + first.total + " results, over the cap of " + site.resultCap());
            state.save();
            tally.splits++;
            progress.accept(site.name() + ": " + w.describe() + " has " + first.total + " results, over the cap of "
                    + site.resultCap() + ": splitting the window");
            return List.of(new Window(w.term(), w.channel(), w.from(), middle), new Window(w.term(), w.channel(), middle.plusDays(1), w.to()));
        }
        if (first.total > site.resultCap()) {
            progress.accept(site.name() + ": WARNING " + w.describe() + " alone has " + first.total
                    + " results; the site shows only the first " + site.resultCap());
        }
        int reachable = Math.min(first.total, site.resultCap());
        // trust what the site does over what we declared: a first page shorter than the total is the page size
        int pageSize = first.hits.size() < reachable && !first.hits.isEmpty() ? first.hits.size() : site.pageSize();
        int pages = (reachable + pageSize - 1) / pageSize;
        int notices = 0;
        for (int page = state.pagesDone(w.key()) + 1; page <= pages; page++) {
            ResultPage result = page == 1 ? first : resultPage(w, page, tally);
            if (result.hits.isEmpty()) {
                throw new HarvestBlockedException(result.uri.toString(), "an empty result page (page " + page + " of "
                        + pages + ", " + first.total + " results announced) where results were expected");
            }
            for (URI hit : result.hits) {
                notices += harvestNotice(hit, tally) ? 1 : 0;
            }
            archive.commit();
            state.pageDone(w.key(), page);
            state.save();
        }
        state.windowDone(w.key(), first.total + " results");
        state.save();
        tally.windows++;
        progress.accept(site.name() + ": " + w.describe() + ": " + first.total + " results, " + notices + " notices fetched");
        return List.of();
    }

    private record ResultPage(URI uri, int total, List<URI> hits) {}

    private ResultPage resultPage(Window w, int page, HarvestReport.Tally tally)
            throws IOException, InterruptedException, HarvestBlockedException {
        URI uri = site.resultPage(w.term(), w.channel(), w.from(), w.to(), page);
        Fetched fetched = client.get(uri, Validators.NONE);
        tally.listPages++;
        Document doc = Jsoup.parse(new ByteArrayInputStream(fetched.body()), null, uri.toString());
        Set<URI> hits = new LinkedHashSet<>();
        Element list = doc.selectFirst(site.resultList());
        if (list != null) {
            for (Element link : list.select(site.hitLinks())) {
                String href = link.absUrl("href");
                if (!href.isEmpty()) {
                    hits.add(URI.create(href.replace(" ", "%20")));
                }
            }
        }
        Matcher count = site.resultCount() == null ? null : site.resultCount().matcher(doc.text());
        if (count != null && count.find()) {
            return new ResultPage(uri, Integer.parseInt(count.group(1).replace(",", "")), List.copyOf(hits));
        }
        if (list == null) {
            throw new HarvestBlockedException(uri.toString(), "a page without a result list and without a result count "
                    + "(not a result page: the site may be blocking us or changed its layout)");
        }
        // no total shown: from the last page's number, counting this page's hits as a full page (the site may serve
        // fewer a page than declared) — an upper bound, exact in pages; else only this page
        Element last = site.lastPageLink().isEmpty() ? null : doc.selectFirst(site.lastPageLink());
        int lastPage = last == null ? page : Math.max(page, pageNumber(last.absUrl("href"), page));
        int perPage = lastPage > page && !hits.isEmpty() ? hits.size() : site.pageSize();
        return new ResultPage(uri, (lastPage - 1) * perPage + (lastPage == page ? hits.size() : perPage), List.copyOf(hits));
    }

    /** The page parameter of a pager link, or {@code otherwise}. */
    private int pageNumber(String href, int otherwise) {
        Matcher m = java.util.regex.Pattern.compile("[?&]" + java.util.regex.Pattern.quote(site.pageParam()) + "=(\\d+)").matcher(href);
        return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
    }

    /** Fetches, archives and hands over one notice; false when this job already has it. */
    private boolean harvestNotice(URI uri, HarvestReport.Tally tally)
            throws IOException, InterruptedException, HarvestBlockedException {
        String url = uri.toString();
        // a notice counts as done only if its bytes really are in the archive (a power loss can undo the last adds)
        if (state.archivedNotice(url).filter(archive::contains).isPresent() || client.fetchedThisRun(uri)) {
            tally.skippedKnown++;
            return false;
        }
        Fetched fetched = client.get(uri, Validators.NONE);
        tally.documents++;
        Archive.Entry entry = archive.add(fetched.body());
        if (entry.added()) {
            tally.archivedNew++;
        } else {
            tally.alreadyArchived++;
        }
        job.sink().accept(new HarvestedDocument(site.name(), url, entry.sha256(), fetched.body(), fetched.contentType()));
        state.noticeArchived(url, entry.sha256());
        state.saveQuickly(); // after every notice: a killed run fetches again at most the one it was fetching
        return true;
    }
}
