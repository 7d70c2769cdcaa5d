package camlab.kernel.exec;

/** How a cell that was asked to stop actually stopped. */
public enum StopMode {
  /** It noticed the interrupt (e.g. in {@code Thread.sleep}) and ended by itself. */
  RESPONDED,
  /** It ignored the interrupt for the grace period, so the kernel force-stopped its thread. */
  FORCED,
  /** It ignored the interrupt and could not be force-stopped: it keeps running in the background. */
  STILL_RUNNING
}
