package io.closeloop.agents.bench;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-step breakdown of the LLM-path benchmark, from the service's own spans (Quarkus adds
 * every {@link SpanProcessor} bean to the tracer provider). Idle unless {@code agents-bench} is
 * measuring a request ({@link #begin()}): then every span of the request's trace (the trace of the
 * first span the measuring thread starts) is timed with {@link System#nanoTime()}, whatever its
 * thread: wall clock (inclusive, and self, i.e. minus its child spans) and the CPU time of the
 * thread that started it, when that thread also ends it. Outside a benchmark it costs one
 * volatile read per span.
 */
@Singleton
public class StepTimes implements SpanProcessor {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Times of one step in one request, summed over its spans of that name. */
    public static final class Step {
        public int count;
        public long wallNanos;
        public long selfNanos;
        public long cpuNanos;
    }

    private record Started(String name, String parentId, Thread thread, long cpu, long nanos) {
    }

    private volatile Thread measured;
    private volatile String traceId;
    private final Map<String, Started> open = new ConcurrentHashMap<>();
    private final Map<String, Long> childWall = new ConcurrentHashMap<>();
    private final Map<String, Step> steps = new ConcurrentHashMap<>();

    /** Starts timing the spans of the request the calling thread is about to make. */
    public void begin() {
        open.clear();
        childWall.clear();
        steps.clear();
        traceId = null;
        measured = Thread.currentThread();
    }

    /** Stops timing and returns the steps of the request by span name. */
    public Map<String, Step> end() {
        measured = null;
        return new TreeMap<>(new HashMap<>(steps));
    }

    /** CPU time of the calling thread so far, in nanoseconds. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        Thread thread = Thread.currentThread();
        if (measured == null) {
            return;
        }
        if (traceId == null && measured == thread) {
            traceId = span.getSpanContext().getTraceId();
        }
        if (span.getSpanContext().getTraceId().equals(traceId)) {
            open.put(span.getSpanContext().getSpanId(), new Started(span.getName(),
                    span.getParentSpanContext().isValid() ? span.getParentSpanContext().getSpanId() : null, thread, threadCpuNanos(),
                    System.nanoTime()));
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (measured == null) {
            return;
        }
        String id = span.getSpanContext().getSpanId();
        Started started = open.remove(id);
        if (started == null) {
            return;
        }
        long wall = System.nanoTime() - started.nanos();
        long children = childWall.getOrDefault(id, 0L);
        childWall.remove(id);
        long cpu = started.thread() == Thread.currentThread() ? threadCpuNanos() - started.cpu() : 0;
        Step step = steps.computeIfAbsent(started.name(), n -> new Step());
        synchronized (step) {
            step.count++;
            step.wallNanos += wall;
            step.selfNanos += wall - children;
            step.cpuNanos += cpu;
        }
        if (started.parentId() != null) {
            childWall.merge(started.parentId(), wall, Long::sum);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
