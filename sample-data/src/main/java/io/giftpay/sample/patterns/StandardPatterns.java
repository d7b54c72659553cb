package io.giftpay.sample.patterns;

import io.giftpay.sample.InjectedPattern;
import java.util.List;

/**
 * The standard labelled patterns and innocent look-alikes that {@link
 * io.giftpay.sample.LedgerGenerator#generate(io.giftpay.sample.GeneratorOptions,
 * java.util.function.Consumer)} injects by default (scaled by {@link
 * io.giftpay.sample.GeneratorOptions#patternScale()}).
 */
public final class StandardPatterns {
  private StandardPatterns() {}

  /** The labelled fraud and overspending patterns (written to {@code _truth/labels.csv}). */
  public static List<InjectedPattern> fraud() {
    return List.of(
        new OverspendingBaseline(),
        new UnderageSpending(),
        new CardTesting(),
        new SharedCardFarm(),
        new StolenCardLaundering(),
        new SelfGifting(),
        new ReciprocalRing(),
        new PromoFarming(),
        new AccountTakeover(),
        new ChargebackAfterGifting());
  }

  /** The innocent look-alikes (written to {@code _truth/lookalikes.csv}, never labelled). */
  public static List<InjectedPattern> lookalikes() {
    return List.of(
        new FamilySharedCard(),
        new Whale(),
        new CreatorsGiftingSmall(),
        new Traveller(),
        new NewAccountSmall(),
        new CreatorBattle(),
        new DailyRewardGifter(),
        new NewcomerFirstPack(),
        new BigNight());
  }

  /** Fresh instances of all of them, patterns first. */
  public static List<InjectedPattern> all() {
    return java.util.stream.Stream.concat(fraud().stream(), lookalikes().stream()).toList();
  }
}
