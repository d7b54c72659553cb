package io.giftpay.catalogue;

/** A gift catalogue file that cannot be read or is invalid; names file, line and field. */
public class CatalogueFileException extends IllegalArgumentException {
  private final String file;
  private final int line;
  private final String field;

  CatalogueFileException(String file, int line, String field, String message, Throwable cause) {
    super((line > 0 ? file + ":" + line : file) + ": " + message, cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file as it was given to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line at fault, or 0 when the file as a whole is. */
  public int line() {
    return line;
  }

  /** The column at fault ({@code gift_id}, {@code name}, {@code coins}), or null. */
  public String field() {
    return field;
  }
}
