package io.giftpay.rules;

/** A rule file that cannot be used; the message names the file and the field. */
public final class RuleFileException extends IllegalArgumentException {
  private final String file;
  private final String field;

  public RuleFileException(String file, String field, String problem) {
    super(file + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  /** The offending field, or null for a problem with the whole file. */
  public String field() {
    return field;
  }
}
