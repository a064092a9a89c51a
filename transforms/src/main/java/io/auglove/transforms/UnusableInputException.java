package io.auglove.transforms;

/**
 * The input, once read, cannot give what was asked of it: every file refused, fewer frames than k,
 * no co-occurrence at all. It is the user's to mend, and its message says how; the command line
 * reports it in one line with exit code 2, as it does a bad option, rather than as a fault.
 */
public final class UnusableInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A refusal whose message says what the input lacks and what to change. */
  public UnusableInputException(String message) {
    super(message);
  }
}
