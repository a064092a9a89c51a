package io.auglove.transforms.openface;

/**
 * A file that cannot be read as OpenFace output at all (empty, no data rows, a needed column
 * missing, corrupt compression). The reader refuses that file and goes on with the others.
 */
public final class InvalidFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * A refusal with a message that says what is wrong (the file name is added by whoever reports
   * it).
   */
  public InvalidFileException(String message) {
    super(message);
  }

  /** A refusal caused by {@code cause}, such as a corrupt gzip stream. */
  public InvalidFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
