package io.giftpay.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule-writing guide lists every view and every column exactly as FeatureViews defines them.
 */
class FeatureViewsDocsTest {
  @Test
  void detectionGuideListsEveryColumnOfEveryView() throws IOException {
    String guide = Files.readString(Path.of("../../docs/detection.md"));
    List<String> missing = new ArrayList<>();
    FeatureViews.VIEWS.forEach(
        (view, columns) -> {
          if (!guide.contains("### `" + view + "`")) {
            missing.add("heading of " + view);
          }
          for (FeatureViews.Column c : columns) {
            String row = "| `" + c.name() + "` | " + c.sqlType() + " | " + c.description() + " |";
            if (!guide.contains(row)) {
              missing.add(row);
            }
          }
        });
    assertTrue(
        missing.isEmpty(),
        "docs/detection.md lacks or differs from FeatureViews:\n" + String.join("\n", missing));
  }
}
