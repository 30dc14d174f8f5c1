package io.tenderlens.source.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Jobs run on workers, their results come back in submission order, with a bounded number in flight. */
class OrderedWorkTest {
    @Test
    void aJobThatFinishesLastIsStillHandedOnFirst() {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> finished = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        try (OrderedWork<String> work = new OrderedWork<>(2, delivered::add)) {
            work.submit(() -> {
                await(secondDone); // the first job cannot end before the second has
                synchronized (finished) {
                    finished.add("first");
                }
                return "first";
            });
            work.submit(() -> {
                synchronized (finished) {
                    finished.add("second");
                }
                secondDone.countDown();
                return "second";
            });
            work.finish();
        }
        assertThat(finished).containsExactly("second", "first");
        assertThat(delivered).containsExactly("first", "second");
    }

    @Test
    void manyJobsComeBackInOrderWithAtMostTheWindowInFlight() {
        int workers = 3;
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        try (OrderedWork<Integer> work = new OrderedWork<>(workers, i -> {
            delivered.add(i);
            mostInFlight.accumulateAndGet(submitted.get() - delivered.size(), Math::max);
        })) {
            for (int i = 0; i < 2000; i++) {
                int n = i;
                submitted.incrementAndGet();
                work.submit(() -> n);
            }
            work.finish();
        }
        assertThat(delivered).containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(workers * OrderedWork.WINDOW_PER_WORKER);
    }

    @Test
    void oneWorkerRunsEachJobOnTheCallingThreadAsItIsSubmitted() {
        Thread caller = Thread.currentThread();
        List<Boolean> onCaller = new ArrayList<>();
        try (OrderedWork<Boolean> work = new OrderedWork<>(1, onCaller::add)) {
            work.submit(() -> Thread.currentThread() == caller);
            assertThat(onCaller).containsExactly(true);
        }
    }

    @Test
    void anExceptionAJobThrowsReachesTheSubmitterInItsTurn() {
        List<Integer> delivered = new ArrayList<>();
        try (OrderedWork<Integer> work = new OrderedWork<>(2, delivered::add)) {
            work.submit(() -> 1);
            work.submit(() -> {
                throw new IllegalStateException("job 2 broke");
            });
            work.submit(() -> 3);
            assertThatThrownBy(work::finish).isInstanceOf(IllegalStateException.class).hasMessage("job 2 broke");
        }
        assertThat(delivered).containsExactly(1);
    }

    @Test
    void noWorkersIsRefused() {
        assertThatThrownBy(() -> new OrderedWork<Integer>(0, i -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other job never ran");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
