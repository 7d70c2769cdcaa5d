package camlab.zoo;

/**
 * The model cache cannot hold a checkpoint — read-only, full, or not a folder — found before any training
 * starts. The message names the folder, the reason, and where to point {@code CAMLAB_CACHE} instead.
 */
public final class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CacheException(String message) {
    super(message);
  }

  CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
