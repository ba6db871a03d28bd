package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The events of one run, numbered 1, 2, 3, ... with no gap, of which the last {@code quarkus.pipeline.runs.max-events}
 * are retained; nothing is added after the terminal event. Followers (the event streams and the result's long polls)
 * are signalled after each event: they read what they miss with {@link #since}, on their own thread, so a slow reader
 * never holds up the run, and never makes the run keep more than the retained events.
 */
public final class RunEvents {

    /**
     * The retained events after an id.
     *
     * @param firstAvailable the first retained id when events after the requested one were dropped, else 0
     * @param events the events, in order
     * @param ended whether the terminal event is the last of {@code events} or was sent before
     */
    public record Slice(long firstAvailable, List<RunEvent> events, boolean ended) {
    }

    private static final Runnable[] NONE = {};

    private final int max;
    private final ArrayDeque<RunEvent> retained = new ArrayDeque<>(8);
    private long last;
    private boolean ended;
    private volatile Runnable[] followers = NONE;

    /** @param max {@code quarkus.pipeline.runs.max-events}, at least 1 */
    public RunEvents(int max) {
        this.max = max;
    }

    /** Adds an event, unless the terminal one was added, and signals the followers. */
    void append(String kind, Object data, boolean terminal) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (retained.size() == max) {
                retained.removeFirst();
            }
            retained.addLast(new RunEvent(++last, kind, data));
            ended = terminal;
        }
        for (Runnable follower : followers) {
            follower.run();
        }
    }

    /**
     * The retained events after {@code after}, at most {@code limit} of them.
     */
    public synchronized Slice since(long after, int limit) {
        long first = last - retained.size() + 1;
        long gap = 0;
        if (after + 1 < first) {
            gap = first;
            after = first - 1;
        }
        int skip = (int) Math.max(0, after - first + 1);
        int count = (int) Math.max(0, Math.min(limit, last - after));
        List<RunEvent> events = new ArrayList<>(count);
        int index = 0;
        for (RunEvent event : retained) {
            if (index++ < skip) {
                continue;
            }
            if (events.size() == count) {
                break;
            }
            events.add(event);
        }
        boolean sentEnd = ended && (events.isEmpty() ? after >= last : events.get(events.size() - 1).id() == last);
        return new Slice(gap, events, sentEnd);
    }

    /** The id of the last event, 0 before the first. */
    public synchronized long lastId() {
        return last;
    }

    /** Whether the terminal event was added. */
    public synchronized boolean ended() {
        return ended;
    }

    /** Signals {@code follower} after each new event, until {@link #unfollow}. */
    public synchronized void follow(Runnable follower) {
        Runnable[] current = followers;
        Runnable[] more = Arrays.copyOf(current, current.length + 1);
        more[current.length] = follower;
        followers = more;
    }

    public synchronized void unfollow(Runnable follower) {
        Runnable[] current = followers;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == follower) {
                Runnable[] fewer = new Runnable[current.length - 1];
                System.arraycopy(current, 0, fewer, 0, i);
                System.arraycopy(current, i + 1, fewer, i, current.length - i - 1);
                followers = fewer;
                return;
            }
        }
    }
}
