package camlab.cli;

import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.evaluate.ErasingThreshold;
import camlab.evaluate.Evaluation;
import camlab.evaluate.EvaluationReport;
import camlab.evaluate.MapMethod;
import camlab.evaluate.Methods;
import camlab.explain.AcolMaps;
import camlab.explain.Explainers;
import camlab.explain.MethodOptions;
import camlab.model.Architectures;
import camlab.model.HeadKind;
import camlab.util.Devices;
import camlab.util.Knobs;
import camlab.zoo.ModelCache;
import camlab.zoo.Zoo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code camlab eval}: every explainer of the library and the two baselines on the test split of the localization
 * set — localization (GT-known Loc, Top-1 Loc, MaxBoxAcc, MaxBoxAccV2, PxAP, pointing game) and faithfulness
 * (deletion, insertion, Average Drop, Increase in Confidence) — as one table, printed and written as JSON and
 * Markdown. The operating threshold is chosen on the validation split.
 */
final class EvalCommand implements Main.Command {
  /**
   * The method settings eval passes on ({@code --patch --stride --samples --masks --seed}), each to the methods that take
   * it; {@code --steps} is not among them, as eval's {@code --steps} are the deletion and insertion steps.
   */
  static final Set<MethodOptions.Option> METHOD_OPTIONS = EnumSet.complementOf(EnumSet.of(MethodOptions.Option.STEPS));
  static final Set<String> VALUED = valued();
  static final Set<String> FLAGS = Set.of();

  /** Most images explained together: the activations grow with the batch, the work per image does not shrink. */
  static final int MAX_BATCH = 1024;

  private static Set<String> valued() {
    Set<String> valued = new HashSet<>(Set.of("limit", "val-limit", "json", "markdown", "device", "model", "methods", "steps", "batch",
        "sanity", "faithfulness-limit"));
    for (MethodOptions.Option option : METHOD_OPTIONS) valued.add(option.flag());
    return Set.copyOf(valued);
  }

  private final PrintStream out;

  EvalCommand() {
    this(System.out);
  }

  EvalCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public String summary() {
    return "localization and faithfulness metrics of every method (each on its own architecture, or all on --model M) and two "
        + "baselines on the test split, as a table (--limit N, --faithfulness-limit N, --json FILE, --markdown FILE, --device, "
        + "--methods a,b, --steps N, --sanity N; --patch P --stride S --samples N --masks N --seed N for the methods that take them)";
  }

  /** The parsed command line; {@code model} is null when each method runs on its own architecture. */
  record Options(String model, int limit, int valLimit, Path json, Path markdown, String device, List<MapMethod> methods,
      Evaluation.Settings settings, MethodOptions methodOptions) {}

  static Options parse(String[] argv) {
    Args args = new Args("eval", argv, VALUED, FLAGS);
    String model = args.get("model", null);
    if (model != null && !Architectures.NAMES.contains(model)) {
      throw new Args.UsageException("Unknown --model '" + model + "'; choose one of " + Architectures.NAMES + ".");
    }
    int limit = nonNegative(args, "limit", Knobs.evalLimit());
    int valLimit = nonNegative(args, "val-limit", 0);
    Path json = args.has("json") ? Path.of(args.get("json")) : null;
    Path markdown = args.has("markdown") ? Path.of(args.get("markdown")) : json == null ? null : siblingMarkdown(json);
    MethodOptions methodOptions = ExplainCommand.methodOptions(args, METHOD_OPTIONS);
    List<MapMethod> methods = args.has("methods") ? Methods.named(Arrays.asList(args.get("methods").split(",")), methodOptions)
        : model == null ? Methods.compared(methodOptions) : Methods.all(methodOptions);
    Methods.requireTakers(methods, methodOptions);
    Evaluation.Settings settings = Evaluation.Settings.DEFAULT
        .withSteps(positive(args, "steps", Evaluation.Settings.DEFAULT.steps()))
        .withBatchSize(args.getInt("batch", Evaluation.Settings.DEFAULT.batchSize(), 1, MAX_BATCH))
        .withSanityImages(nonNegative(args, "sanity", 0))
        .withFaithfulnessImages(nonNegative(args, "faithfulness-limit", 0));
    if (json != null && markdown != null && Outputs.same(json, markdown)) {
      throw new Args.UsageException("--json and --markdown both name " + markdown + "; give them different files.");
    }
    return new Options(model, limit, valLimit, json, markdown, args.get("device"), methods, settings, methodOptions);
  }

  /** report.json → report.md in the same folder. */
  static Path siblingMarkdown(Path json) {
    String name = json.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(stem + ".md");
  }

  private static int nonNegative(Args args, String name, int fallback) {
    int v = args.getInt(name, fallback);
    if (v < 0) throw new Args.UsageException("--" + name + " must be 0 or more; got " + v + ".");
    return v;
  }

  private static int positive(Args args, String name, int fallback) {
    int v = args.getInt(name, fallback);
    if (v < 1) throw new Args.UsageException("--" + name + " must be at least 1; got " + v + ".");
    return v;
  }

  @Override
  public int run(String[] argv) throws Exception {
    Options options = parse(argv);
    new Outputs().writesFile("--json", options.json()).writesFile("--markdown", options.markdown()).check();
    FashionMnist.fetch(line -> {});
    List<EvaluationReport> parts = new ArrayList<>();
    for (Map.Entry<String, List<MapMethod>> plan : plan(options).entrySet()) {
      try (ModelCache.Trained trained = Zoo.load(plan.getKey(), Devices.parse(options.device()))) {
        LocalizationSet.Settings data = trained.info().data();
        LocalizationSet val = LocalizationSet.of(LocalizationSet.Split.VAL, data, options.valLimit());
        LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, data, options.limit());
        List<MapMethod> methods = new ArrayList<>(plan.getValue());
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
          // ACoL's erasing threshold is a hyperparameter: chosen on the validation split, like τ
          if (methods.get(i).explainer().orElse(null) instanceof AcolMaps acol && trained.classifier().headKind() instanceof HeadKind.Acol) {
            ErasingThreshold.Choice choice = ErasingThreshold.choose(trained.classifier(), acol, val, options.settings());
            methods.set(i, MapMethod.of(acol.erasingAt(choice.delta())));
            notes.add(choice.describe(val.size()) + " Trained with δ = " + acol.erasingThreshold(trained.classifier()) + ".");
          }
        }
        EvaluationReport part = Evaluation.run(trained.classifier(), methods, val, test, options.settings());
        for (String note : notes) part = part.withNote(note);
        parts.add(part);
      }
    }
    EvaluationReport report = EvaluationReport.combine(parts);
    for (String note : settingNotes(options)) report = report.withNote(note);
    out.println(report.table().printAll());
    report.rows().stream().filter(r -> r.skipped() != null).forEach(r -> out.println("Skipped " + r.method() + ": " + r.skipped()));
    report.notes().forEach(out::println);
    if (options.settings().sanityImages() > 0) out.println(report.sanityTable().printAll());
    if (options.json() != null) {
      report.writeJson(options.json());
      out.println("Wrote " + options.json().toAbsolutePath());
    }
    if (options.markdown() != null) {
      report.writeMarkdown(options.markdown());
      out.println("Wrote " + options.markdown().toAbsolutePath());
    }
    return 0;
  }

  /** One line per method that ran with settings of its own, e.g. "rise ran with --masks 250 (its other settings at their defaults)." */
  static List<String> settingNotes(Options options) {
    List<String> notes = new ArrayList<>();
    for (MapMethod method : options.methods()) {
      if (!Explainers.names().contains(method.name())) continue;
      MethodOptions own = options.methodOptions().only(Explainers.options(method.name()));
      if (!own.given().isEmpty()) notes.add(method.name() + " ran with " + own + " (its other settings at their defaults).");
    }
    return notes;
  }

  /** Which methods run on which model: all on {@code --model}, else each on the architecture it was made for. */
  static Map<String, List<MapMethod>> plan(Options options) {
    Map<String, List<MapMethod>> plan = new LinkedHashMap<>();
    for (MapMethod method : options.methods()) {
      String model = options.model() != null ? options.model() : Methods.architectureFor(method);
      plan.computeIfAbsent(model, m -> new ArrayList<>()).add(method);
    }
    return plan;
  }
}
