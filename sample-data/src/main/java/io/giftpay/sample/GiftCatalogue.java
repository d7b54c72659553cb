package io.giftpay.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the gift catalogue CSV (header {@code gift_id,name,coins}) into gift_id → coins. */
public final class GiftCatalogue {

    private GiftCatalogue() {
    }

    public static Map<String, Long> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Empty gift catalogue: " + csv);
        }
        List<String> header = rows.get(0);
        int id = header.indexOf("gift_id");
        int coins = header.indexOf("coins");
        if (id < 0 || coins < 0) {
            throw new IllegalArgumentException("Gift catalogue " + csv + " needs columns gift_id and coins, has "
                    + header);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            out.put(r.get(id).trim(), Long.parseLong(r.get(coins).trim()));
        }
        return out;
    }
}
