package camlab.evaluate;

import camlab.explain.Cam;
import camlab.explain.Explainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The methods {@code camlab eval} compares, in table order: every explainer of the library, then the baselines.
 * A new explainer becomes part of the evaluation by adding it to {@link #EXPLAINERS}.
 */
public final class Methods {
  /** The library's explainers, by construction. */
  private static final List<Supplier<Explainer>> EXPLAINERS = List.of(Cam::new);

  private Methods() {}

  /** One fresh instance of every explainer. */
  public static List<Explainer> explainers() {
    return EXPLAINERS.stream().map(Supplier::get).toList();
  }

  /** The two reference baselines. */
  public static List<MapMethod> baselines() {
    return List.of(Baselines.centerGaussian(), Baselines.imageIntensity());
  }

  /** Explainers, then baselines. */
  public static List<MapMethod> all() {
    List<MapMethod> all = new ArrayList<>();
    explainers().forEach(e -> all.add(MapMethod.of(e)));
    all.addAll(baselines());
    return List.copyOf(all);
  }

  /** The methods with these names (as in {@link #all()}), in the order given. */
  public static List<MapMethod> named(List<String> names) {
    List<MapMethod> all = all();
    List<MapMethod> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(all.stream().filter(m -> m.name().equalsIgnoreCase(name.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Unknown method '" + name.trim() + "'; choose from "
              + all.stream().map(MapMethod::name).toList() + ".")));
    }
    return chosen;
  }
}
