package camlab.kernel.exec;

/** Why the kernel asked a cell to stop. */
public enum StopReason {
  /** The user pressed the interrupt button (interrupt_request on the control channel). */
  INTERRUPTED,
  /** The cell ran past its time limit ({@code CAMLAB_CELL_TIMEOUT}). */
  TIMED_OUT
}
