package io.giftpay.cli;

/** The command line is wrong: exit 2 with the message and a pointer to --help. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
