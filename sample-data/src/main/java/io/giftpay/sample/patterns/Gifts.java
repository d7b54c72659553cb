package io.giftpay.sample.patterns;

/**
 * Gift menus by price band (catalogue version 1 ids; a catalogue lacking one gets the nearest
 * cheaper gift).
 */
final class Gifts {
  static final String[] CHEAP = {"rose", "fire", "finger_heart", "sunshine", "perfume", "doughnut"};
  static final String[] SMALL = {
    "rose", "finger_heart", "sunshine", "perfume", "doughnut", "hand_hearts"
  };
  static final String[] MID = {"hand_hearts", "crown", "sunglasses", "corgi", "money_gun"};
  static final String[] BIG = {"money_gun", "galaxy", "fireworks", "private_jet"};
  static final String[] MID_BIG = {
    "hand_hearts", "corgi", "money_gun", "galaxy", "fireworks", "private_jet"
  };
  static final String[] HUGE = {"dragon", "lion", "universe"};
  static final String[] HUGE_AND_JET = {"private_jet", "dragon", "lion", "universe"};
  static final String[] BIG_AND_HUGE = {"galaxy", "fireworks", "private_jet", "dragon", "lion"};

  private Gifts() {}
}
