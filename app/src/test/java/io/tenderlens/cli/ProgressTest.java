package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void plainLinesComeEveryIntervalAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        long second = TimeUnit.SECONDS.toNanos(1);
        try (Progress p = Progress.plain("compile: reading", 4L << 20, Progress.Unit.BYTES,
                new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get, 10 * second)) {
            p.step(1L << 20);
            clock.set(5 * second);
            p.step(1L << 20);
            clock.set(10 * second);
            p.message("12 releases");
            p.step(1L << 20);
            clock.set(12 * second);
            p.step(1L << 20);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "compile: reading: 3.0 MB of 4.0 MB (75%), 307.2 KB/s, 10 s, 12 releases",
                "compile: reading: done, 4.0 MB of 4.0 MB (100%), 341.3 KB/s, 12 s, 12 releases");
    }

    @Test
    void shortTasksPrintNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.plain("x", -1, Progress.Unit.RELEASES, new PrintStream(bytes), () -> 0, 1000)) {
            p.step(5);
        }
        assertThat(bytes.size()).isZero();
        assertThat(Progress.bytes(1536)).isEqualTo("1.5 KB");
    }
}
