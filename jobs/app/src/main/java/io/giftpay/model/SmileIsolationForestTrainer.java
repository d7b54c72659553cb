package io.giftpay.model;

import io.giftpay.detect.AnomalyModelTrainer;
import io.giftpay.detect.AnomalyThreshold;
import io.giftpay.detect.FeaturePercentiles;
import io.giftpay.detect.ModelCard;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Trains a Smile (3.1.1) Isolation Forest, deterministically.
 *
 * <p>Smile's own {@code IsolationForest.fit} is not reproducible: it builds the trees in a parallel
 * stream, each drawing from the RNG of whichever fork-join thread runs it ({@code MathEx} keeps one
 * per thread), and every split also draws from {@code GaussianDistribution.getInstance()}, a
 * JVM-wide singleton that caches the second value of each Box-Muller pair. It also normalizes
 * scores by {@code c(n)} of the whole data set rather than of the per-tree sample. So this trainer
 * assembles the forest from Smile's public pieces instead: one dedicated thread builds the trees
 * one after another; tree {@code k}'s rows are drawn (without replacement) and its {@code MathEx}
 * RNG is seeded from one {@link SplittableRandom} seeded with the training seed; the Gaussian
 * singleton's cached pair is cleared before each tree; and the forest is created with {@code new
 * IsolationForest(psi, extensionLevel, trees)} so scores are the standard {@code 2^(-E[h]/c(psi))}.
 * Trainings in this JVM are serialized on the Gaussian singleton's class; other code calling
 * Smile's Gaussian sampler concurrently could still disturb a training.
 */
public final class SmileIsolationForestTrainer implements AnomalyModelTrainer {

  /** The model card's name. */
  public static final String NAME = "isolation-forest";

  /** Bump when training changes so that the same inputs may give a different model. */
  static final String FORMAT = "if-v1";

  private static final long PROBE_SEED = 0x9E3779B97F4A7C15L;

  /**
   * Training parameters.
   *
   * @param trees number of isolation trees
   * @param subsample rows per tree (psi); fewer if the training set is smaller
   * @param maxDepth maximum tree depth; classic Isolation Forest uses ceil(log2(subsample))
   * @param extensionLevel 0 for classic (axis-parallel) splits, up to features - 1 for Extended IF
   * @param percentileRows at most this many training rows are kept for explanations
   * @param threshold how the model card's threshold is chosen
   */
  public record Parameters(
      int trees,
      int subsample,
      int maxDepth,
      int extensionLevel,
      int percentileRows,
      AnomalyThreshold threshold) {
    public Parameters {
      if (trees < 1) {
        throw new IllegalArgumentException("trees < 1: " + trees);
      }
      if (subsample < 2) {
        throw new IllegalArgumentException("subsample < 2: " + subsample);
      }
      if (maxDepth < 1) {
        throw new IllegalArgumentException("maxDepth < 1: " + maxDepth);
      }
      if (extensionLevel < 0) {
        throw new IllegalArgumentException("extensionLevel < 0: " + extensionLevel);
      }
      if (percentileRows < 1) {
        throw new IllegalArgumentException("percentileRows < 1: " + percentileRows);
      }
      Objects.requireNonNull(threshold, "threshold");
    }

    /**
     * 100 trees of 256 rows, depth 8, classic splits, 10,000 rows for percentiles, 1%
     * contamination.
     */
    public static Parameters defaults() {
      return new Parameters(
          100,
          256,
          8,
          0,
          FeaturePercentiles.DEFAULT_MAX_ROWS,
          AnomalyThreshold.contamination(0.01));
    }

    public Parameters withTrees(int v) {
      return new Parameters(v, subsample, maxDepth, extensionLevel, percentileRows, threshold);
    }

    public Parameters withExtensionLevel(int v) {
      return new Parameters(trees, subsample, maxDepth, v, percentileRows, threshold);
    }

    public Parameters withPercentileRows(int v) {
      return new Parameters(trees, subsample, maxDepth, extensionLevel, v, threshold);
    }

    public Parameters withThreshold(AnomalyThreshold v) {
      return new Parameters(trees, subsample, maxDepth, extensionLevel, percentileRows, v);
    }
  }

  private final Parameters parameters;

  public SmileIsolationForestTrainer() {
    this(Parameters.defaults());
  }

  public SmileIsolationForestTrainer(Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  public Parameters parameters() {
    return parameters;
  }

  @Override
  public SmileIsolationForestModel train(List<String> featureNames, double[][] rows, long seed) {
    List<String> names = checkNames(featureNames);
    int p = names.size();
    checkRows(rows, p);
    if (parameters.extensionLevel() > p - 1) {
      throw new IllegalArgumentException(
          "extensionLevel " + parameters.extensionLevel() + " > features - 1 = " + (p - 1));
    }
    int n = rows.length;
    int psi = Math.min(parameters.subsample(), n);

    Map<String, String> cardParameters = new TreeMap<>();
    cardParameters.put("trees", Integer.toString(parameters.trees()));
    cardParameters.put("subsample", Integer.toString(parameters.subsample()));
    cardParameters.put("subsample_rows", Integer.toString(psi));
    cardParameters.put("max_depth", Integer.toString(parameters.maxDepth()));
    cardParameters.put("extension_level", Integer.toString(parameters.extensionLevel()));
    cardParameters.put("percentile_rows", Integer.toString(parameters.percentileRows()));
    cardParameters.put("threshold", parameters.threshold().toString());
    cardParameters.put(
        "score", "2^(-mean path / c(subsample_rows)); flagged when score >= threshold");
    cardParameters.put("library", "smile-core " + smileVersion());
    String version = FORMAT + "-" + fingerprint(cardParameters, seed, names, rows);

    SplittableRandom seeds = new SplittableRandom(seed);
    long forestSeed = seeds.nextLong();
    long percentileSeed = seeds.nextLong();
    IsolationForest forest = buildForest(rows, psi, forestSeed);
    FeaturePercentiles percentiles =
        FeaturePercentiles.of(rows, parameters.percentileRows(), percentileSeed);

    double threshold;
    if (parameters.threshold().isContamination()) {
      // each score is a pure function of the row, so a parallel pass gives the same values
      double[] scores =
          IntStream.range(0, n).parallel().mapToDouble(i -> forest.score(rows[i])).toArray();
      threshold = parameters.threshold().resolve(scores);
    } else {
      threshold = parameters.threshold().resolve(null);
    }
    ModelCard card = new ModelCard(NAME, version, seed, n, cardParameters, threshold);
    return new SmileIsolationForestModel(names, forest, percentiles, card);
  }

  /**
   * Builds the trees on a fresh thread, so its MathEx RNG is ours alone and the caller's is left
   * alone.
   */
  private IsolationForest buildForest(double[][] rows, int psi, long forestSeed) {
    AtomicReference<IsolationForest> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread builder =
        new Thread(
            () -> {
              try {
                result.set(buildForestOnThisThread(rows, psi, forestSeed));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "giftpay-isolation-forest-fit");
    builder.setDaemon(true);
    builder.start();
    try {
      builder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training the isolation forest", e);
    }
    if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  private IsolationForest buildForestOnThisThread(double[][] rows, int psi, long forestSeed) {
    int n = rows.length;
    int[] index = new int[n];
    Arrays.setAll(index, i -> i);
    SplittableRandom random = new SplittableRandom(forestSeed);
    IsolationTree[] trees = new IsolationTree[parameters.trees()];
    synchronized (GaussianDistribution.class) {
      for (int k = 0; k < trees.length; k++) {
        // partial Fisher-Yates: index[0..psi) becomes a uniform sample without replacement
        List<double[]> sample = new ArrayList<>(psi);
        for (int i = 0; i < psi; i++) {
          int j = i + random.nextInt(n - i);
          int t = index[i];
          index[i] = index[j];
          index[j] = t;
          sample.add(rows[index[i]]);
        }
        long treeSeed = random.nextLong();
        clearGaussianPairCache();
        MathEx.setSeed(treeSeed);
        trees[k] = new IsolationTree(sample, parameters.maxDepth(), parameters.extensionLevel());
      }
    }
    return new IsolationForest(psi, parameters.extensionLevel(), trees);
  }

  /**
   * Smile's Gaussian sampler is a singleton that returns the second value of each Box-Muller pair
   * on the next call, so what a tree draws would depend on every earlier call in the JVM. Leave it
   * with no cached value: seed this thread's RNG, draw once, and see whether the draw consumed
   * uniforms (it made a pair and cached one: take that too) or not (it returned the cached one).
   */
  static void clearGaussianPairCache() {
    GaussianDistribution gaussian = GaussianDistribution.getInstance();
    MathEx.setSeed(PROBE_SEED);
    double first = MathEx.random();
    MathEx.setSeed(PROBE_SEED);
    gaussian.rand();
    if (MathEx.random() != first) {
      gaussian.rand();
    }
  }

  private static List<String> checkNames(List<String> featureNames) {
    Objects.requireNonNull(featureNames, "featureNames");
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("no features");
    }
    Set<String> seen = new HashSet<>();
    for (String name : featureNames) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("blank feature name in " + featureNames);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("duplicate feature name " + name);
      }
    }
    return List.copyOf(featureNames);
  }

  private static void checkRows(double[][] rows, int p) {
    if (rows == null || rows.length < 2) {
      throw new IllegalArgumentException("need at least 2 training rows");
    }
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      if (row == null || row.length != p) {
        throw new IllegalArgumentException("row " + i + " does not have " + p + " values");
      }
      for (int c = 0; c < p; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException("row " + i + " column " + c + " is " + row[c]);
        }
      }
    }
  }

  /** First 16 hex digits of SHA-256 over the format, parameters, seed, names and every value. */
  static String fingerprint(
      Map<String, String> parameters, long seed, List<String> names, double[][] rows) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(digest, FORMAT);
    parameters.forEach(
        (k, v) -> {
          update(digest, k);
          update(digest, v);
        });
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
    for (String name : names) {
      update(digest, name);
    }
    int p = names.size();
    ByteBuffer buffer = ByteBuffer.allocate(8 + Double.BYTES * p);
    buffer.putInt(rows.length).putInt(p);
    digest.update(buffer.array(), 0, 8);
    for (double[] row : rows) {
      buffer.clear();
      for (double v : row) {
        buffer.putLong(Double.doubleToRawLongBits(v));
      }
      digest.update(buffer.array(), 0, Double.BYTES * p);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  static String smileVersion() {
    String v = IsolationForest.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
