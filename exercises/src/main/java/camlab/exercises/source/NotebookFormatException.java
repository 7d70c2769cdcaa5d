package camlab.exercises.source;

/** A notebook file that is not valid JSON or not an nbformat 4 notebook. */
public final class NotebookFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotebookFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
