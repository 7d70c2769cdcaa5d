package camlab.explain;

import camlab.explain.MethodOptions.Option;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every method by its command-line name, with the {@link MethodOptions} each one takes. */
public final class Explainers {
  /** How to make one method, and which options it takes. */
  private record Entry(Set<Option> accepts, Function<MethodOptions, Explainer> make) {}

  private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

  static {
    plain("cam", Cam::new);
    plain("gradcam", GradCam::new);
    plain("gradcam++", GradCamPlusPlus::new);
    plain("counterfactual", CounterfactualGradCam::new);
    plain("conv1x1", Conv1x1Maps::new);
    plain("acol", AcolMaps::new);
    plain("layercam", LayerCam::new);
    plain("xgradcam", XGradCam::new);
    plain("hirescam", HiResCam::new);
    plain("ablationcam", AblationCam::new);
    plain("scorecam", ScoreCam::new);
    plain("eigencam", EigenCam::new);
    plain("saliency", Saliency::new);
    withOptions("integrated-gradients", Set.of(Option.STEPS),
        o -> new IntegratedGradients(o.get(Option.STEPS, IntegratedGradients.DEFAULT_STEPS)));
    withOptions("smoothgrad", Set.of(Option.SAMPLES, Option.SEED),
        o -> new SmoothGrad(o.get(Option.SAMPLES, SmoothGrad.DEFAULT_SAMPLES), o.seed(SmoothGrad.DEFAULT_SEED)));
  }

  static {
    withOptions("occlusion", Set.of(Option.PATCH, Option.STRIDE),
        o -> new Occlusion(o.get(Option.PATCH, Occlusion.DEFAULT_PATCH), o.get(Option.STRIDE, Occlusion.DEFAULT_STRIDE)));
    withOptions("rise", Set.of(Option.MASKS, Option.SEED), o -> new Rise(o.get(Option.MASKS, Rise.DEFAULT_MASKS), o.seed(Rise.DEFAULT_SEED)));
    plain("guided-backprop", GuidedBackprop::new);
    plain("guided-gradcam", GuidedGradCam::new);
  }

  private Explainers() {}

  /** A method that takes no options. */
  private static void plain(String name, Supplier<Explainer> make) {
    BY_NAME.put(name, new Entry(Set.of(), options -> make.get()));
  }

  /** A method that takes {@code accepts}, made from the options given (the others at their defaults). */
  private static void withOptions(String name, Set<Option> accepts, Function<MethodOptions, Explainer> make) {
    BY_NAME.put(name, new Entry(Set.copyOf(accepts), make));
  }

  /** The names accepted by {@link #byName}. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** A new explainer by name with its default settings; an unknown name is an error listing the known ones. */
  public static Explainer byName(String name) {
    return byName(name, MethodOptions.none());
  }

  /**
   * A new explainer by name with the given options.
   *
   * @throws IllegalArgumentException for an unknown name, or an option the method does not take (naming the ones it
   *     does and the methods that take the one given)
   */
  public static Explainer byName(String name, MethodOptions options) {
    Entry entry = entry(name);
    for (Option option : options.given()) {
      if (!entry.accepts().contains(option)) {
        List<String> takers = takers(option);
        throw new IllegalArgumentException("--" + option.flag() + " does not apply to " + name + ", which takes "
            + (entry.accepts().isEmpty() ? "no options" : describe(entry.accepts())) + "; --" + option.flag() + " is for "
            + (takers.isEmpty() ? "no method" : String.join(", ", takers)) + ".");
      }
    }
    return entry.make().apply(options);
  }

  /** The methods that take {@code option}, in registry order. */
  public static List<String> takers(Option option) {
    return BY_NAME.entrySet().stream().filter(e -> e.getValue().accepts().contains(option)).map(Map.Entry::getKey).toList();
  }

  /** The options a method takes. */
  public static Set<Option> options(String name) {
    Set<Option> accepts = entry(name).accepts();
    return accepts.isEmpty() ? Set.of() : EnumSet.copyOf(accepts);
  }

  private static Entry entry(String name) {
    Entry entry = BY_NAME.get(name);
    if (entry == null) throw new IllegalArgumentException("Unknown method '" + name + "'; choose one of " + names() + ".");
    return entry;
  }

  private static String describe(Set<Option> options) {
    return String.join(", ", EnumSet.copyOf(options).stream().map(o -> "--" + o.flag()).toList());
  }
}
