package camlab.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every method by its command-line name. */
public final class Explainers {
  private static final Map<String, Supplier<Explainer>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("cam", Cam::new);
    BY_NAME.put("gradcam", GradCam::new);
    BY_NAME.put("gradcam++", GradCamPlusPlus::new);
    BY_NAME.put("counterfactual", CounterfactualGradCam::new);
    BY_NAME.put("conv1x1", Conv1x1Maps::new);
    BY_NAME.put("acol", AcolMaps::new);
  }

  private Explainers() {}

  /** The names accepted by {@link #byName}. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** A new explainer by name; an unknown name is an error listing the known ones. */
  public static Explainer byName(String name) {
    Supplier<Explainer> s = BY_NAME.get(name);
    if (s == null) throw new IllegalArgumentException("Unknown method '" + name + "'; choose one of " + names() + ".");
    return s.get();
  }
}
