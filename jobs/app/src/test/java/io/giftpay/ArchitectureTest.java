package io.giftpay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the code review found (cli → batch → night → detection → features → spark), kept by
 * the build. Modules are told apart by where a class was loaded from, because some packages
 * (io.giftpay.report, io.giftpay.review, io.giftpay.income) live in both jobs/core and jobs/app.
 */
class ArchitectureTest {
  private static final DescribedPredicate<JavaClass> IN_CORE =
      fromModule("jobs/core", "giftpay-core-");
  private static final DescribedPredicate<JavaClass> IN_APP =
      fromModule("jobs/app", "giftpay-app-");
  private static final DescribedPredicate<JavaClass> IN_GENERATOR =
      fromModule("sample-data", "giftpay-sample-data-");

  /**
   * Frozen: {@code giftpay generate} and {@code giftpay demo} are the generator's own commands, so
   * these CLI classes call it. Taking them out of the launcher means a second entry point or a
   * plug-in seam, not a small change; until then no other class may, and these only use the four
   * types below.
   */
  private static final Set<String> GENERATOR_COMMANDS =
      Set.of(
          "io.giftpay.cli.GenerateCommand",
          "io.giftpay.cli.DemoCommand",
          "io.giftpay.cli.Converters");

  private static final String[] GENERATOR_FRONT = {
    "io.giftpay.sample.LedgerGenerator",
    "io.giftpay.sample.GeneratorOptions",
    "io.giftpay.sample.LedgerFormat",
    "io.giftpay.sample.GenerationSummary"
  };

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.giftpay");
  }

  @Test
  void everyModuleIsFound() {
    // Without this a rule over an empty module would pass on nothing.
    assertTrue(IN_CORE.test(production.get("io.giftpay.payout.PayoutPolicy")), "core");
    assertTrue(IN_APP.test(production.get("io.giftpay.night.PayNight")), "app");
    assertTrue(IN_GENERATOR.test(production.get("io.giftpay.sample.LedgerGenerator")), "generator");
  }

  @Test
  void transformsKnowNothingOfNightsTheJobOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage("io.giftpay.spark..", "io.giftpay.features..", "io.giftpay.detection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.giftpay.night..", "io.giftpay.batch..", "io.giftpay.cli..")
        .because(
            "transforms are Dataset -> Dataset code, tested alone; steps and commands call them, not the other way")
        .check(production);
  }

  @Test
  void coreIsPlainJava() {
    noClasses()
        .that(IN_CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "scala..",
            "org.springframework..",
            "org.apache.hadoop..",
            "org.apache.parquet..")
        .because(
            "jobs/core holds the money and contract rules, readable and testable without an engine")
        .check(production);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that(IN_CORE)
        .should()
        .dependOnClassesThat(IN_APP.or(IN_GENERATOR))
        .check(production);
  }

  @Test
  void productionCodeDoesNotCallTheGenerator() {
    noClasses()
        .that(IN_CORE.or(IN_APP))
        .and(DescribedPredicate.not(generatorCommand()))
        .should()
        .dependOnClassesThat(IN_GENERATOR)
        .because("the generator makes test ledgers; a night must not need it")
        .check(production);
  }

  @Test
  void theGeneratorCommandsUseOnlyItsFront() {
    classes()
        .that(generatorCommand())
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.not(IN_GENERATOR)
                .or(JavaClass.Predicates.belongToAnyOf(classesNamed(GENERATOR_FRONT))))
        .check(production);
  }

  private static DescribedPredicate<JavaClass> generatorCommand() {
    return DescribedPredicate.describe(
        "are a generator command " + GENERATOR_COMMANDS,
        c ->
            GENERATOR_COMMANDS.stream()
                .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
  }

  private static DescribedPredicate<JavaClass> fromModule(String folder, String jarPrefix) {
    return DescribedPredicate.describe(
        "are in " + folder,
        c ->
            c.getSource()
                .map(s -> s.getUri().toString())
                .filter(
                    uri ->
                        uri.contains("/" + folder + "/target/classes/")
                            || uri.contains("/" + jarPrefix))
                .isPresent());
  }

  private static Class<?>[] classesNamed(String... names) {
    Class<?>[] classes = new Class<?>[names.length];
    for (int i = 0; i < names.length; i++) {
      try {
        classes[i] = Class.forName(names[i], false, ArchitectureTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError("the generator no longer has " + names[i], e);
      }
    }
    return classes;
  }
}
