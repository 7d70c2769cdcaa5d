package camlab.evaluate;

import camlab.explain.Explainer;
import camlab.explain.Explainers;
import camlab.explain.MethodOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods {@code camlab eval} compares, in table order: every explainer of the library's registry
 * ({@link Explainers}, so a newly registered explainer is evaluated without touching this package), then the
 * baselines. A method the model cannot support is reported as skipped by the {@link Evaluation}.
 */
public final class Methods {
  private Methods() {}

  /** One fresh instance of every registered explainer, with its default settings. */
  public static List<Explainer> explainers() {
    return explainers(MethodOptions.none());
  }

  /** One fresh instance of every registered explainer, each made with those of {@code options} it takes. */
  public static List<Explainer> explainers(MethodOptions options) {
    return Explainers.names().stream().map(name -> Explainers.byName(name, options.only(Explainers.options(name)))).toList();
  }

  /** The two reference baselines. */
  public static List<MapMethod> baselines() {
    return List.of(Baselines.centerGaussian(), Baselines.imageIntensity());
  }

  /** Explainers, then baselines. */
  public static List<MapMethod> all() {
    return all(MethodOptions.none());
  }

  /** Explainers made with those of {@code options} each takes, then baselines. */
  public static List<MapMethod> all(MethodOptions options) {
    List<MapMethod> all = new ArrayList<>();
    explainers(options).forEach(e -> all.add(MapMethod.of(e)));
    all.addAll(baselines());
    return List.copyOf(all);
  }

  /**
   * What {@code camlab eval} compares by default: every explainer except the counterfactual map, which shows the
   * evidence <em>against</em> a class and so is not meant to localize it, then the baselines.
   */
  public static List<MapMethod> compared() {
    return compared(MethodOptions.none());
  }

  /** {@link #compared()}, each explainer made with those of {@code options} it takes. */
  public static List<MapMethod> compared(MethodOptions options) {
    return all(options).stream().filter(m -> !m.name().equals("counterfactual")).toList();
  }

  /**
   * The architecture a method was made for, on which {@code camlab eval} evaluates it: the 1×1-conv maps need the
   * NiN-CNN's class-map head, ACoL its two-branch head; CAM, the Grad-CAM family and the baselines use the GAP-CNN.
   */
  public static String architectureFor(MapMethod method) {
    return switch (method.name()) {
      case "conv1x1" -> "nin-cnn";
      case "acol" -> "acol";
      default -> "gap-cnn";
    };
  }

  /** The methods with these names (as in {@link #all()}), in the order given. */
  public static List<MapMethod> named(List<String> names) {
    return named(names, MethodOptions.none());
  }

  /** The methods with these names, in the order given, each explainer made with those of {@code options} it takes. */
  public static List<MapMethod> named(List<String> names, MethodOptions options) {
    List<MapMethod> all = all(options);
    List<MapMethod> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(all.stream().filter(m -> m.name().equalsIgnoreCase(name.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown method '" + name.trim() + "'; choose from "
              + all.stream().map(MapMethod::name).toList() + ".")));
    }
    return chosen;
  }

  /**
   * Checks that every option given applies to at least one of {@code methods}, so a setting is never silently ignored.
   *
   * @throws IllegalArgumentException naming the option and the methods that take it
   */
  public static void requireTakers(List<MapMethod> methods, MethodOptions options) {
    for (MethodOptions.Option option : options.given()) {
      List<String> takers = Explainers.takers(option);
      if (methods.stream().noneMatch(m -> takers.contains(m.name()))) {
        throw new IllegalArgumentException("--" + option.flag() + " applies to " + String.join(", ", takers)
            + ", and none of the methods evaluated (" + methods.stream().map(MapMethod::name).toList() + ") takes it; add one of them to"
            + " --methods or leave --" + option.flag() + " out.");
      }
    }
  }
}
