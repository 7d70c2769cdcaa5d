package camlab.kernel.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a magic's value to the cell code of IJava's inline form: {@code List<String> added = %jars lib/*.jar} runs the
 * magic, then {@code List<String> added = (java.util.List<String>) MagicResults.take(7L);}. Each value is taken once.
 */
public final class MagicResults {
  private static final Map<Long, Object> VALUES = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private MagicResults() {}

  /** Keeps {@code value} until it is taken; returns its number. */
  public static long put(Object value) {
    long id = NEXT.incrementAndGet();
    VALUES.put(id, value == null ? NullValue.INSTANCE : value);
    return id;
  }

  /** The value kept under {@code id} (once). */
  public static Object take(long id) {
    Object v = VALUES.remove(id);
    return v == NullValue.INSTANCE ? null : v;
  }

  private enum NullValue { INSTANCE }
}
