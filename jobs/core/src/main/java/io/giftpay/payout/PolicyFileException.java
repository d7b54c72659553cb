package io.giftpay.payout;

/** A payout policy file that cannot be read or is invalid; the message names file and key. */
public class PolicyFileException extends IllegalArgumentException {
  private final String file;
  private final String key;

  PolicyFileException(String file, String key, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
    this.key = key;
  }

  /** The file as it was given to the loader. */
  public String file() {
    return file;
  }

  /** The offending key, or null when the file as a whole is at fault (e.g. unreadable). */
  public String key() {
    return key;
  }
}
