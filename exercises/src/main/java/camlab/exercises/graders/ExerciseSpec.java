package camlab.exercises.graders;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;

import org.junit.jupiter.api.DynamicTest;

import camlab.exercises.registry.Contract;

/**
 * An exercise's grader as data — the contract, the library's reference implementation, the tolerance, the shape hint, golden
 * cases with their hand derivation, the shapes of random inputs and which arguments must stay unchanged — and the tests every
 * grader runs from it: {@link #golden} (one dynamic test per golden case), {@link #assertMatchesReference} (random inputs
 * against the reference) and {@link #assertArgumentsUnchanged}.
 *
 * <p>Every call of the student's method goes through {@link #call}: Java-array arguments are copied first (the grader's own
 * stay intact), and after the call every argument named in {@link Builder#unchanged} must be as it was, so a mutation that
 * happens only for some inputs is caught on the input that triggers it. A failure names the call ({@link #describe}), the
 * difference (index and both values), why the expected value is right, and the shape hint.
 *
 * @param <C> the contract: the one-method interface the student's cell implements
 */
public final class ExerciseSpec<C> {
  /** The seed of the inputs of {@link #assertArgumentsUnchanged}. */
  private static final long UNCHANGED_SEED = 7;
  /** The seed of the inputs golden cases may draw (most set every value by hand). */
  private static final long GOLDEN_SEED = 1;

  /**
   * A case computed by hand.
   *
   * @param name       what it shows, e.g. "hand-computed map: K=2 channels on a 2x2 grid": the test's name
   * @param inputs     the arguments, built in a call's {@link Inputs}
   * @param expected   the right result: a {@link Tensor} for an NDArray, a number, a Java array, or what the grader's judge takes
   * @param derivation how {@code expected} follows from the inputs, told with every failure
   */
  public record Golden(String name, Function<Inputs, Args> inputs, Object expected, String derivation) {}

  /** The arguments of one random call for {@code dims} (a shape, or whatever numbers pick the case), drawn in {@code in}. */
  @FunctionalInterface
  public interface Generator {
    Args generate(Inputs in, int[] dims);
  }

  private final Method method;
  private final Function<Args, Object> reference;
  private final Judge judge;
  private final Function<Args, String> describe;
  private final List<Golden> golden;
  private final long seed;
  private final Generator generator;
  private final List<int[]> shapes;
  private final Function<Args, String> randomWhy;
  private final int[] unchanged;
  private final String unchangedHint;

  private ExerciseSpec(Builder<C> b) {
    this.method = b.method;
    this.reference = b.reference;
    this.judge = b.judge;
    this.describe = b.describe;
    this.golden = List.copyOf(b.golden);
    this.seed = b.seed;
    this.generator = b.generator;
    this.shapes = List.copyOf(b.shapes);
    this.randomWhy = b.randomWhy;
    this.unchanged = b.unchangedIndexes();
    this.unchangedHint = b.unchangedHint;
  }

  /** A spec for {@code contract}, a one-method interface (see {@link Contract#of}). */
  public static <C> Builder<C> of(Class<C> contract) {
    return new Builder<>(Contract.of(contract).method());
  }

  /** The numbers {@code values} as one shape or case of {@link Builder#random}. */
  public static int[] dims(int... values) {
    return values;
  }

  // ---- the generic tests

  /** One dynamic test per golden case, named by the case, in the order they were given. */
  public Stream<DynamicTest> golden(C student) {
    return golden.stream().map(g -> DynamicTest.dynamicTest(g.name(), () -> assertCase(student, g.inputs(), g.expected(), g.derivation())));
  }

  /** The student's result for the arguments {@code inputs} builds is {@code expected}; {@code why} is told with a failure. */
  public void assertCase(C student, Function<Inputs, Args> inputs, Object expected, String why) {
    try (Inputs in = new Inputs(GOLDEN_SEED)) {
      assertResult(student, inputs.apply(in), expected, why);
    }
  }

  /** On random inputs of every shape of {@link Builder#random}, the student's result matches the reference's. */
  public void assertMatchesReference(C student) {
    assertMatchesReference(student, seed, shapes);
  }

  /** On random inputs of {@code shapes}, drawn from a {@link Random} seeded with {@code seed}, the result matches the reference's. */
  public void assertMatchesReference(C student, long seed, List<int[]> shapes) {
    Random random = new Random(seed);
    for (int[] dims : shapes) {
      try (Inputs in = new Inputs(random)) {
        Args args = generator.generate(in, dims);
        assertResult(student, args, expected(args), randomWhy.apply(args));
      }
    }
  }

  /** A call on random inputs of the first shape leaves every argument named in {@link Builder#unchanged} as it was. */
  public void assertArgumentsUnchanged(C student) {
    try (Inputs in = new Inputs(UNCHANGED_SEED)) {
      call(student, generator.generate(in, shapes.get(0)));
    }
  }

  // ---- the pieces, for tests specific to one exercise

  /** The student's result for {@code args} is {@code expected}, judged by this spec's judge; {@code why} is told with a failure. */
  public void assertResult(C student, Args args, Object expected, String why) {
    String call = describe(args);
    judge.judge(args, expected, call(student, args), call, why);
  }

  /** What the reference implementation returns for {@code args}, an NDArray as a {@link Tensor}. */
  public Object expected(Args args) {
    Object value = reference.apply(args);
    return value instanceof NDArray array ? Tensor.of(array) : value;
  }

  /**
   * The student's result for {@code args}, after checking that the call left its arguments as they were. Java arrays are
   * passed as copies, NDArrays and models as they are.
   */
  public Object call(C student, Args args) {
    String call = describe(args);
    Object[] passed = args.values();
    for (int i = 0; i < passed.length; i++) if (passed[i] != null && passed[i].getClass().isArray()) passed[i] = Arguments.copy(passed[i]);
    Arguments before = null;
    for (int i : unchanged) {
      String name = method.getParameters()[i].getName();
      before = before == null ? Arguments.of(name, passed[i]) : before.and(name, passed[i]);
    }
    Object result = invoke(student, passed);
    if (before != null) before.assertUnchanged(call, unchangedHint);
    return result;
  }

  /** The call as a failure message names it, e.g. {@code classActivationMap(features (2, 2, 2), classWeights (2))}. */
  public String describe(Args args) {
    return describe.apply(args);
  }

  public Judge judge() {
    return judge;
  }

  public List<Golden> goldenCases() {
    return golden;
  }

  /** The contract's method. */
  public Method method() {
    return method;
  }

  /** The names of the arguments that must stay unchanged. */
  public List<String> unchangedArguments() {
    return Arrays.stream(unchanged).mapToObj(i -> method.getParameters()[i].getName()).toList();
  }

  private Object invoke(C student, Object[] passed) {
    try {
      return method.invoke(student, passed);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Builds a spec. Required: a reference, the golden cases, the random inputs, the tolerance (for NDArray and number
   * results) and the unchanged arguments (for contracts that take arrays).
   */
  public static final class Builder<C> {
    private final Method method;
    private Function<Args, Object> reference;
    private Double tolerance;
    private String shapeHint = "";
    private Judge.Hint hint = (args, expected, actual) -> "";
    private BiFunction<Args, Integer, String> elementNote;
    private Judge judge;
    private Function<Args, String> describe;
    private final List<Golden> golden = new ArrayList<>();
    private long seed;
    private Generator generator;
    private final List<int[]> shapes = new ArrayList<>();
    private Function<Args, String> randomWhy = args -> "";
    private List<String> unchanged;
    private String unchangedHint = Arguments.IN_PLACE_HINT;

    private Builder(Method method) {
      this.method = method;
    }

    /** The library's answer for a call's arguments, computed before the student's call (an NDArray becomes a {@link Tensor}). */
    public Builder<C> reference(Function<Args, Object> reference) {
      this.reference = reference;
      return this;
    }

    /** NDArray results: relative ({@code 1e-5 + tolerance · max|expected|}); number results: absolute. */
    public Builder<C> tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** How to get an NDArray result's shape right, told when the shape is wrong. */
    public Builder<C> shapeHint(String shapeHint) {
      this.shapeHint = shapeHint;
      return this;
    }

    /** What a wrong number or array tells about its cause: appended to the failure, or "". */
    public Builder<C> hint(Judge.Hint hint) {
      this.hint = hint;
      return this;
    }

    /** For NDArray results: what is known about element i of a call's result, appended to a failure on it. */
    public Builder<C> elementNote(BiFunction<Args, Integer, String> elementNote) {
      this.elementNote = elementNote;
      return this;
    }

    /** A judge of the exercise's own, in place of the one its result type gets. */
    public Builder<C> judge(Judge judge) {
      this.judge = judge;
      return this;
    }

    /** How failures name a call, in place of {@code name(param value, …)}. */
    public Builder<C> describeCall(Function<Args, String> describe) {
      this.describe = describe;
      return this;
    }

    /** A golden case: see {@link Golden}. */
    public Builder<C> golden(String name, Function<Inputs, Args> inputs, Object expected, String derivation) {
      golden.add(new Golden(name, inputs, expected, derivation));
      return this;
    }

    /** Random inputs for each of {@code shapes}, from a {@link Random} seeded with {@code seed}, checked against the reference. */
    public Builder<C> random(long seed, Generator generator, int[]... shapes) {
      return random(seed, generator, List.of(shapes));
    }

    public Builder<C> random(long seed, Generator generator, List<int[]> shapes) {
      this.seed = seed;
      this.generator = generator;
      this.shapes.addAll(shapes);
      return this;
    }

    /** What a random call's failure adds about the inputs, e.g. " (activations of either sign)". */
    public Builder<C> randomWhy(Function<Args, String> randomWhy) {
      this.randomWhy = randomWhy;
      return this;
    }

    /** The parameters whose arguments every call must leave unchanged. */
    public Builder<C> unchanged(String... parameters) {
      this.unchanged = List.of(parameters);
      return this;
    }

    /** What to do instead of changing an argument, told when a call changed one (default: {@link Arguments#IN_PLACE_HINT}). */
    public Builder<C> unchangedHint(String hint) {
      this.unchangedHint = hint;
      return this;
    }

    public ExerciseSpec<C> build() {
      String what = method.getDeclaringClass().getSimpleName() + " spec";
      if (reference == null) throw new IllegalStateException(what + ": no reference");
      if (golden.isEmpty()) throw new IllegalStateException(what + ": no golden case");
      if (generator == null || shapes.isEmpty()) throw new IllegalStateException(what + ": no random inputs");
      boolean takesArrays = Arrays.stream(method.getParameterTypes()).anyMatch(t -> t.isArray() || NDArray.class.isAssignableFrom(t));
      if (takesArrays && unchanged == null) throw new IllegalStateException(what + ": say which arguments must stay unchanged");
      if (unchanged == null) unchanged = List.of();
      unchangedIndexes();
      if (describe == null) describe = args -> CallText.of(method, args);
      if (judge == null) judge = defaultJudge(what);
      return new ExerciseSpec<>(this);
    }

    private Judge defaultJudge(String what) {
      Class<?> result = method.getReturnType();
      if (NDArray.class.isAssignableFrom(result)) return Judge.tensor(tolerance(what), shapeHint, elementNote);
      if (result == double.class || result == float.class) return Judge.number(tolerance(what), hint);
      return Judge.exact(hint);
    }

    private double tolerance(String what) {
      if (tolerance == null) throw new IllegalStateException(what + ": state the tolerance");
      return tolerance;
    }

    private int[] unchangedIndexes() {
      List<String> names = Arrays.stream(method.getParameters()).map(Parameter::getName).toList();
      return unchanged.stream().mapToInt(n -> {
        int i = names.indexOf(n);
        if (i < 0) throw new IllegalStateException(method.getName() + " has no parameter `" + n + "` (it has " + names + ")");
        return i;
      }).toArray();
    }
  }
}
