package io.giftpay.batch;

import io.giftpay.config.GiftpayConfig;

/**
 * Deliberate crashes for fault-injection tests, off unless configured. {@code
 * giftpay.fault.point=<step>:before|after} stops the process at that point of that step: with
 * {@code giftpay.fault.mode=halt} (default) as {@code kill -9} would (no cleanup, no shutdown
 * hooks, the job repository left saying STARTED), with {@code throw} as a failed step. "after" is
 * the worst moment: the step's output is written but not yet recorded as done.
 */
final class FaultInjection {
  static final String POINT = GiftpayConfig.FAULT_POINT;
  static final String MODE = GiftpayConfig.FAULT_MODE;
  static final int HALT_STATUS = 137;

  private final String point;
  private final boolean halt;

  FaultInjection(GiftpayConfig config) {
    this.point = config.getOrNull(POINT);
    String mode = config.get(MODE, GiftpayConfig.FAULT_MODE_DEFAULT);
    if (!mode.equals("halt") && !mode.equals("throw")) {
      throw new IllegalArgumentException("Invalid " + MODE + ": " + mode + " (halt or throw)");
    }
    this.halt = mode.equals("halt");
  }

  void at(String step, String moment) {
    if (point == null || !point.equals(step + ":" + moment)) {
      return;
    }
    if (halt) {
      System.out.flush();
      Runtime.getRuntime().halt(HALT_STATUS);
    }
    throw new IllegalStateException("Injected fault at " + step + ":" + moment);
  }
}
