package io.tenderlens.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error: a progress bar when standard error is a terminal,
 * otherwise a plain line every {@value #PLAIN_EVERY_SECONDS} seconds (nothing at all for a task that ends
 * sooner), so logs stay readable. {@link #step} is cheap and may be called from several threads.
 *
 * <p>Whether standard error is a terminal: the system property {@code tenderlens.stderr.tty}
 * ({@code true}/{@code false}, which the {@code tenderlens} launcher sets), else whether the JVM has a console.
 */
public final class Progress implements AutoCloseable {
    static final int PLAIN_EVERY_SECONDS = 10;

    /** What is counted. */
    public enum Unit {
        BYTES, RELEASES, RECORDS, FILES, ITEMS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String task;
    private final long total;
    private final Unit unit;
    private final AtomicLong done = new AtomicLong();
    private final ProgressBar bar;
    private final PrintStream plain;
    private final LongSupplier nanoClock;
    private final long everyNanos;
    private final long startNanos;
    private volatile long nextReportNanos;
    private volatile String extra = "";
    private boolean printedAny;

    private Progress(String task, long total, Unit unit, ProgressBar bar, PrintStream plain, LongSupplier nanoClock,
                     long everyNanos) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.bar = bar;
        this.plain = plain;
        this.nanoClock = nanoClock;
        this.everyNanos = everyNanos;
        this.startNanos = nanoClock.getAsLong();
        this.nextReportNanos = startNanos + everyNanos;
    }

    /**
     * Starts showing progress on standard error.
     *
     * @param task  a few words, e.g. "compile: reading"
     * @param total the amount at completion, or -1 when unknown
     */
    public static Progress start(String task, long total, Unit unit) {
        return start(task, total, unit, System.err);
    }

    /** Starts showing progress on {@code err}: a bar only if that is the process's standard error and a terminal. */
    public static Progress start(String task, long total, Unit unit, PrintStream err) {
        if (err == System.err && stderrIsTerminal()) {
            ProgressBarBuilder b = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .clearDisplayOnFinish()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .showSpeed(new DecimalFormat("#,##0.0"));
            if (unit == Unit.BYTES) {
                b.setUnit(" MB", 1L << 20);
            } else {
                b.setUnit(" " + unit.label(), 1);
            }
            return new Progress(task, total, unit, b.build(), null, System::nanoTime, Long.MAX_VALUE);
        }
        return plain(task, total, unit, err, System::nanoTime, TimeUnit.SECONDS.toNanos(PLAIN_EVERY_SECONDS));
    }

    /** Plain periodic lines to {@code out}, with a given clock (for tests). */
    static Progress plain(String task, long total, Unit unit, PrintStream out, LongSupplier nanoClock, long everyNanos) {
        return new Progress(task, total, unit, null, out, nanoClock, everyNanos);
    }

    /** Whether standard error is a terminal (see the class comment). */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("tenderlens.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        return System.console() != null;
    }

    /** Adds {@code n} to the amount done. */
    public void step(long n) {
        long now = done.addAndGet(n);
        if (bar != null) {
            bar.stepTo(now);
        } else if (nanoClock.getAsLong() >= nextReportNanos) {
            report(false);
        }
    }

    /** A few words shown after the counts (e.g. "12,345 releases"). */
    public void message(String extra) {
        this.extra = extra == null ? "" : extra;
        if (bar != null) {
            bar.setExtraMessage(this.extra);
        }
    }

    /** The amount done so far. */
    public long done() {
        return done.get();
    }

    private synchronized void report(boolean last) {
        long t = nanoClock.getAsLong();
        if (!last && t < nextReportNanos) {
            return;
        }
        nextReportNanos = t + everyNanos;
        printedAny = true;
        plain.println(line(t, last));
        plain.flush();
    }

    String line(long nowNanos, boolean last) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        long d = done.get();
        StringBuilder s = new StringBuilder(task).append(": ");
        s.append(last ? "done, " : "").append(amount(d));
        if (total > 0) {
            s.append(" of ").append(amount(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, Math.round(100.0 * d / total))));
        }
        s.append(", ").append(amount(Math.round(d / seconds))).append("/s");
        s.append(String.format(Locale.ROOT, ", %.0f s", seconds));
        if (!extra.isEmpty()) {
            s.append(", ").append(extra);
        }
        return s.toString();
    }

    private String amount(long n) {
        if (unit == Unit.BYTES) {
            return bytes(n);
        }
        return String.format(Locale.ROOT, "%,d %s", n, unit.label());
    }

    /** A byte count for people: 1.5 GB, 20.0 MB, 512 B. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** Ends the display: the bar disappears; plain output gets a last line if it printed any. */
    @Override public void close() {
        if (bar != null) {
            bar.close();
        } else if (printedAny) {
            report(true);
        }
    }
}
