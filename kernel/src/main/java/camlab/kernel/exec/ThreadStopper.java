package camlab.kernel.exec;

/**
 * Forces a thread that ignores interrupts to end.
 *
 * <p>The only JDK means is {@link Thread#stop()}: it works on Java 17-19 and throws
 * {@link UnsupportedOperationException} from Java 20 on (JEP draft "Thread.stop degradation", JDK-8289610).
 */
@FunctionalInterface
public interface ThreadStopper {

  /** Makes {@code thread} throw {@code ThreadDeath}; throws {@link UnsupportedOperationException} where the JDK can't. */
  void stop(Thread thread);

  /** The running JDK's {@link Thread#stop()}. */
  @SuppressWarnings({"removal", "deprecation"})
  static ThreadStopper jdk() {
    return Thread::stop;
  }
}
