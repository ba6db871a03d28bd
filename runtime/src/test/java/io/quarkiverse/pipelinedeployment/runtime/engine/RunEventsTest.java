package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RunEventsTest {

    private static RunEvents withEvents(int max, int count, boolean terminalLast) {
        RunEvents events = new RunEvents(max);
        for (int i = 1; i <= count; i++) {
            events.append("e" + i, i, terminalLast && i == count);
        }
        return events;
    }

    @Test
    void idsAreDenseFromOne() {
        RunEvents events = withEvents(100, 5, false);

        RunEvents.Slice slice = events.since(0, 100);

        assertThat(slice.events()).extracting(RunEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(slice.firstAvailable()).isZero();
        assertThat(slice.ended()).isFalse();
    }

    @Test
    void resumingGivesExactlyTheEventsAfterTheId() {
        RunEvents events = withEvents(100, 5, false);

        assertThat(events.since(3, 100).events()).extracting(RunEvent::id).containsExactly(4L, 5L);
        assertThat(events.since(5, 100).events()).isEmpty();
        assertThat(events.since(1, 2).events()).extracting(RunEvent::id).containsExactly(2L, 3L);
    }

    @Test
    void aReaderBehindTheRetainedEventsGetsAGap() {
        RunEvents events = withEvents(3, 10, false);

        RunEvents.Slice slice = events.since(2, 100);

        assertThat(slice.firstAvailable()).isEqualTo(8);
        assertThat(slice.events()).extracting(RunEvent::id).containsExactly(8L, 9L, 10L);
        // Exactly at the edge: no gap
        assertThat(events.since(7, 100).firstAvailable()).isZero();
    }

    @Test
    void theTerminalEventEndsTheHistory() {
        RunEvents events = withEvents(100, 3, true);
        events.append("late", null, false);

        assertThat(events.lastId()).isEqualTo(3);
        assertThat(events.since(0, 100).ended()).isTrue();
        assertThat(events.since(3, 100).ended()).isTrue();
        assertThat(events.since(0, 2).ended()).as("the terminal event is not in this slice").isFalse();
    }

    @Test
    void theTerminalEventIsKeptWhenTheHistoryIsTrimmed() {
        RunEvents events = withEvents(2, 6, true);

        RunEvents.Slice slice = events.since(0, 100);

        assertThat(slice.firstAvailable()).isEqualTo(5);
        assertThat(slice.events()).extracting(RunEvent::kind).containsExactly("e5", "e6");
        assertThat(slice.ended()).isTrue();
    }

    @Test
    void followersAreSignalledUntilTheyUnfollow() {
        RunEvents events = new RunEvents(10);
        AtomicInteger signals = new AtomicInteger();
        Runnable follower = signals::incrementAndGet;
        events.follow(follower);
        events.append("a", null, false);
        events.append("b", null, false);
        events.unfollow(follower);
        events.append("c", null, false);

        assertThat(signals).hasValue(2);
    }
}
