package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectWriter;

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
    /** Data read from the run when the event is read: {@code run_queued}, {@code run_started}, the terminal event. */
    public static final Object FROM_RUN = new Object();

    private final int max;
    private Run run;
    /**
     * The retained events, a ring from {@code head}: kind, data and a number each. Events are kept compact (the
     * built-in ones as their step's name and a number, or nothing at all) and become {@link RunEvent}s when read: a
     * run kept by the store, one of thousands, holds three arrays instead of an object graph per event.
     */
    private String[] kinds = new String[8];
    private Object[] data = new Object[8];
    private long[] numbers = new long[8];
    private int head;
    private int count;
    private long last;
    private boolean ended;
    private volatile Runnable[] followers = NONE;

    /** @param max {@code quarkus.pipeline.runs.max-events}, at least 1 */
    public RunEvents(int max) {
        this.max = max;
    }

    /** The ended events of a kept run read back from a store: {@code count} of them, the last numbered {@code last}. */
    static RunEvents restored(String[] kinds, Object[] data, long[] numbers, int count, long last) {
        RunEvents events = new RunEvents(Math.max(1, count));
        events.kinds = kinds;
        events.data = data;
        events.numbers = numbers;
        events.count = count;
        events.last = last;
        events.ended = true;
        return events;
    }

    /**
     * Writes the id of the last event, how many are retained, then each of them, oldest first, as {@link RunCodec}
     * keeps them.
     */
    synchronized void write(ByteOutput out, ObjectWriter writer) {
        out.writeLong(last);
        out.writeInt(count);
        for (int i = 0, slot = head; i < count; i++) {
            RunCodec.event(out, writer, kinds[slot], data[slot], numbers[slot]);
            if (++slot == kinds.length) {
                slot = 0;
            }
        }
    }

    /**
     * Gives the events after {@code after} that are still retained to {@code exporter}, with their ids; the id of the
     * last one. A store that keeps the events elsewhere (Redis) writes them so as they come.
     */
    public synchronized long exportSince(long after, IdExporter exporter) {
        return exportSince(after, last, exporter);
    }

    /** {@link #exportSince(long, IdExporter)}, up to the event {@code upTo}; the id of the last one given. */
    public synchronized long exportSince(long after, long upTo, IdExporter exporter) {
        long first = last - count + 1;
        long end = Math.min(upTo, last);
        for (long id = Math.max(after + 1, first); id <= end; id++) {
            int slot = (head + (int) (id - first)) % kinds.length;
            exporter.event(id, kinds[slot], data[slot], numbers[slot]);
        }
        return Math.max(after, end);
    }

    /** Receives events with ids: {@code data} is {@link #FROM_RUN}, a step's name, or the event's own. */
    public interface IdExporter {
        void event(long id, String kind, Object data, long number);
    }

    /**
     * Adds an event of a run another replica executes, read from the store, with the id it was given there; events
     * before it that were not seen (the store dropped them) are skipped, and a follower then gets a {@code gap}.
     *
     * @param data {@code null} for an event whose data is read from the run, a step's name (with {@code number} as
     *        for {@link #appendStep}), or the event's data
     */
    public void appendFollowed(long id, String kind, Object data, long number, boolean terminal) {
        synchronized (this) {
            if (ended || id <= last) {
                return;
            }
            if (id > last + 1) {
                Arrays.fill(this.data, null);
                head = 0;
                count = 0;
                last = id - 1;
            }
        }
        add(kind, data == null ? FROM_RUN : data, number, terminal);
    }

    /** The run whose events these are, for the data of the events read from it. */
    void of(Run run) {
        this.run = run;
    }

    /** Adds an event, unless the terminal one was added, and signals the followers. */
    void append(String kind, Object data, boolean terminal) {
        add(kind, data, 0, terminal);
    }

    /** Adds {@code run_queued}, {@code run_started} or the terminal event, whose data is read from the run. */
    void appendFromRun(String kind, boolean terminal) {
        add(kind, FROM_RUN, 0, terminal);
    }

    /**
     * Adds {@code step_started} ({@code number}: its start, in nanos from the epoch) or {@code step_completed}
     * ({@code number}: its duration, in nanos).
     */
    void appendStep(String kind, String step, long number) {
        add(kind, step, number, false);
    }

    private void add(String kind, Object value, long number, boolean terminal) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (count == max) {
                data[head] = null; // the dropped event's data goes with it
                head = (head + 1) % kinds.length;
                count--;
            } else if (count == kinds.length) {
                grow();
            }
            int slot = (head + count) % kinds.length;
            kinds[slot] = kind;
            data[slot] = value;
            numbers[slot] = number;
            count++;
            last++;
            ended = terminal;
        }
        for (Runnable follower : followers) {
            follower.run();
        }
    }

    private void grow() {
        int size = Math.min(max, kinds.length * 2);
        String[] k = new String[size];
        Object[] d = new Object[size];
        long[] n = new long[size];
        for (int i = 0; i < count; i++) {
            int from = (head + i) % kinds.length;
            k[i] = kinds[from];
            d[i] = data[from];
            n[i] = numbers[from];
        }
        kinds = k;
        data = d;
        numbers = n;
        head = 0;
    }

    /**
     * The retained events after {@code after}, at most {@code limit} of them.
     */
    public synchronized Slice since(long after, int limit) {
        long first = last - count + 1;
        long gap = 0;
        if (after + 1 < first) {
            gap = first;
            after = first - 1;
        }
        int skip = (int) Math.max(0, after - first + 1);
        int size = (int) Math.max(0, Math.min(limit, last - after));
        List<RunEvent> events = new ArrayList<>(size);
        for (int i = skip; i < skip + size; i++) {
            int slot = (head + i) % kinds.length;
            events.add(new RunEvent(first + i, kinds[slot], read(kinds[slot], data[slot], numbers[slot])));
        }
        boolean sentEnd = ended && (events.isEmpty() ? after >= last : events.get(events.size() - 1).id() == last);
        return new Slice(gap, events, sentEnd);
    }

    private Object read(String kind, Object value, long number) {
        if (value == FROM_RUN) {
            return switch (kind) {
                case RunEvent.QUEUED -> new RunEvent.Queued(run.id(), run.name(), FastFormats.iso(run.created()));
                case RunEvent.STARTED -> new RunEvent.Started(FastFormats.iso(run.started()));
                default -> {
                    Object envelope = run.response();
                    yield envelope != null ? envelope : new RunEvent.Json(run.envelopeJson());
                }
            };
        }
        if (value instanceof String step) {
            if (RunEvent.STEP_STARTED.equals(kind)) {
                return new RunEvent.StepStarted(step, FastFormats.iso(Instant.ofEpochSecond(0, number)));
            }
            if (RunEvent.STEP_COMPLETED.equals(kind)) {
                return new RunEvent.StepEnded(step, number / 1_000_000_000.0, null);
            }
        }
        return value;
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

    /** Whether anyone follows these events. */
    public boolean followed() {
        return followers.length > 0;
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
