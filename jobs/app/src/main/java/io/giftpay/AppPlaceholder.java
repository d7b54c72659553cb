package io.giftpay; class AppPlaceholder {}
