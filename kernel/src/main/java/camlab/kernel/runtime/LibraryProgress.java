package camlab.kernel.runtime;

/**
 * Makes the library's progress bars ({@link camlab.util.Progress}, used by training and evaluation) draw
 * as one in-place notebook output instead of console lines.
 */
public final class LibraryProgress {
  private LibraryProgress() {}

  /** Installs the notebook bar as the library's progress factory. */
  public static void install() {
    camlab.util.Progress.useFactory((title, total) -> {
      Progress bar = Progress.start(title, total == null ? 0 : total);
      return new camlab.util.Progress() {
        @Override
        public void update(long done, String status) {
          bar.note(status).set(done);
        }

        @Override
        public void close() {
          bar.done();
        }
      };
    });
  }
}
