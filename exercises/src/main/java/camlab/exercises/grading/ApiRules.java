package camlab.exercises.grading;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an exercise cell may call: the Java it needs to compute a result from its arguments (the language, the
 * collections, maths and text, buffers), DJL's array and block API, and the course library's computations.
 * Files, processes, the network, reflection, native code, the JVM's own settings and the grading code are
 * out of reach, so that a cell graded without an operating-system sandbox can still only affect its own row.
 *
 * <p>Rules are checked in order; the first whose class pattern, member and descriptor match decides. A pattern
 * is a class name, {@code p.*} (the classes of package {@code p}) or {@code p.**} (also its subpackages).
 */
final class ApiRules {
  /** Why a reference is refused: completes "an exercise cell may not …". */
  enum Reason {
    FILES("read or write files"),
    PROCESSES("start operating-system processes"),
    NETWORK("open network connections"),
    REFLECTION("use reflection or load classes and code by name"),
    NATIVE("load native code"),
    JVM("change the JVM's streams, settings or shutdown"),
    ENVIRONMENT("read environment variables"),
    INTERNALS("use the engine's internal API"),
    GRADING("use the grading code"),
    UNAVAILABLE("use this class: cells may use java.lang, java.util, java.math, java.text, java.time, java.nio buffers,"
        + " DJL's NDArray and Block API, and the course library's computations");

    final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  /** One rule; {@code reason} null means allowed. */
  private record Rule(String classPattern, Set<String> members, String descriptorPrefix, Reason reason) {
    boolean matches(String className, String member, String descriptor) {
      if (!classMatches(className)) return false;
      if (members != null && (member == null || !members.contains(member))) return false;
      return descriptorPrefix == null || (descriptor != null && descriptor.startsWith(descriptorPrefix));
    }

    private boolean classMatches(String className) {
      if (classPattern.equals("**")) return true;
      if (classPattern.endsWith(".**")) return className.startsWith(classPattern.substring(0, classPattern.length() - 2));
      if (classPattern.endsWith(".*")) {
        String pkg = classPattern.substring(0, classPattern.length() - 1);
        return className.startsWith(pkg) && className.indexOf('.', pkg.length()) < 0;
      }
      return className.equals(classPattern) || className.startsWith(classPattern + "$");
    }
  }

  private static Rule allow(String pattern) {
    return new Rule(pattern, null, null, null);
  }

  private static Rule allow(String pattern, String... members) {
    return new Rule(pattern, Set.of(members), null, null);
  }

  private static Rule deny(String pattern, Reason reason) {
    return new Rule(pattern, null, null, reason);
  }

  private static Rule deny(String pattern, Reason reason, String... members) {
    return new Rule(pattern, Set.of(members), null, reason);
  }

  /** Refuses constructors whose first parameter is a file name or file. */
  private static Rule denyFileConstructors(String pattern) {
    return new Rule(pattern, Set.of("<init>"), "(Ljava/lang/String;", Reason.FILES);
  }

  private static final List<Rule> RULES = List.of(
      // the grading code, the kernel and the command line; the stub's exception is the one exception
      allow("camlab.exercises.cell.NotSolvedYet"),
      deny("camlab.exercises.**", Reason.GRADING),
      deny("camlab.kernel.**", Reason.GRADING),
      deny("camlab.cli.**", Reason.UNAVAILABLE),
      deny("camlab.bench.**", Reason.UNAVAILABLE),
      deny("camlab.viz.**", Reason.UNAVAILABLE),
      deny("camlab.util.**", Reason.UNAVAILABLE),
      // the library's file, download and training code
      deny("camlab.data.FashionMnist", Reason.FILES),
      deny("camlab.data.Idx", Reason.FILES),
      deny("camlab.zoo.ModelCache", Reason.FILES),
      deny("camlab.model.CheckpointStore", Reason.FILES),
      deny("camlab.zoo.Zoo", Reason.FILES),
      deny("camlab.model.TorchScriptModels", Reason.FILES),
      deny("camlab.zoo.Training", Reason.UNAVAILABLE),
      deny("camlab.evaluate.Evaluation", Reason.FILES),
      deny("camlab.evaluate.EvaluationReport", Reason.FILES),
      allow("camlab.**"),

      deny("java.lang.ProcessBuilder", Reason.PROCESSES),
      deny("java.lang.Process", Reason.PROCESSES),
      deny("java.lang.ProcessHandle", Reason.PROCESSES),
      deny("java.lang.Runtime", Reason.PROCESSES, "exec"),
      deny("java.lang.Runtime", Reason.NATIVE, "load", "loadLibrary"),
      deny("java.lang.Runtime", Reason.JVM, "addShutdownHook", "removeShutdownHook"),
      allow("java.lang.Runtime"),
      deny("java.lang.System", Reason.ENVIRONMENT, "getenv"),
      deny("java.lang.System", Reason.NATIVE, "load", "loadLibrary", "mapLibraryName"),
      deny("java.lang.System", Reason.JVM, "setOut", "setErr", "setIn", "setProperty", "clearProperty", "setProperties",
          "getProperties", "setSecurityManager", "getSecurityManager", "console", "inheritedChannel", "getLogger"),
      allow("java.lang.System"),
      allow("java.lang.Class", "getName", "getSimpleName", "getTypeName", "getCanonicalName", "isInstance", "cast", "isArray",
          "isPrimitive", "getComponentType", "componentType", "arrayType", "desiredAssertionStatus", "toString", "hashCode",
          "equals", "isEnum", "isRecord", "isInterface", "descriptorString", "getEnumConstants"),
      deny("java.lang.Class", Reason.REFLECTION),
      deny("java.lang.Thread", Reason.REFLECTION, "getContextClassLoader", "setContextClassLoader"),
      deny("java.lang.ClassLoader", Reason.REFLECTION),
      deny("java.lang.Module", Reason.REFLECTION),
      deny("java.lang.ModuleLayer", Reason.REFLECTION),
      deny("java.lang.StackWalker", Reason.REFLECTION),
      deny("java.lang.SecurityManager", Reason.JVM),
      deny("java.lang.Compiler", Reason.JVM),
      deny("java.lang.reflect.**", Reason.REFLECTION),
      deny("java.lang.invoke.**", Reason.REFLECTION),
      deny("java.lang.constant.**", Reason.REFLECTION),
      deny("java.lang.runtime.**", Reason.REFLECTION),
      deny("java.lang.instrument.**", Reason.JVM),
      deny("java.lang.management.**", Reason.JVM),
      deny("java.lang.module.**", Reason.REFLECTION),
      allow("java.lang.**"),

      denyFileConstructors("java.io.PrintStream"),
      denyFileConstructors("java.io.PrintWriter"),
      allow("java.io.PrintStream"), allow("java.io.PrintWriter"), allow("java.io.StringWriter"), allow("java.io.StringReader"),
      allow("java.io.CharArrayReader"), allow("java.io.CharArrayWriter"), allow("java.io.BufferedReader"),
      allow("java.io.BufferedWriter"), allow("java.io.InputStreamReader"), allow("java.io.OutputStreamWriter"),
      allow("java.io.ByteArrayInputStream"), allow("java.io.ByteArrayOutputStream"), allow("java.io.DataInputStream"),
      allow("java.io.DataOutputStream"), allow("java.io.BufferedInputStream"), allow("java.io.BufferedOutputStream"),
      allow("java.io.InputStream"), allow("java.io.OutputStream"), allow("java.io.Reader"), allow("java.io.Writer"),
      allow("java.io.IOException"), allow("java.io.UncheckedIOException"), allow("java.io.EOFException"),
      allow("java.io.Serializable"), allow("java.io.Closeable"), allow("java.io.Flushable"),
      deny("java.io.**", Reason.FILES),
      deny("java.nio.file.**", Reason.FILES),
      deny("java.nio.channels.**", Reason.FILES),
      deny("java.nio.charset.spi.**", Reason.REFLECTION),
      allow("java.nio.**"),

      deny("java.util.ServiceLoader", Reason.REFLECTION),
      denyFileConstructors("java.util.Formatter"),
      deny("java.util.jar.**", Reason.FILES),
      deny("java.util.zip.**", Reason.FILES),
      deny("java.util.logging.**", Reason.FILES),
      deny("java.util.prefs.**", Reason.FILES),
      deny("java.util.spi.**", Reason.REFLECTION),
      allow("java.util.**"),
      allow("java.math.**"),
      allow("java.text.**"),
      allow("java.time.**"),
      deny("java.net.**", Reason.NETWORK),
      deny("javax.net.**", Reason.NETWORK),

      deny("ai.djl.ndarray.NDArray", Reason.INTERNALS, "getNDArrayInternal"),
      deny("ai.djl.ndarray.internal.**", Reason.INTERNALS),
      allow("ai.djl.ndarray.**"),
      allow("ai.djl.nn.**"),
      allow("ai.djl.training.GradientCollector"),
      allow("ai.djl.training.ParameterStore"),
      allow("ai.djl.training.initializer.**"),
      allow("ai.djl.engine.Engine"),
      allow("ai.djl.engine.EngineException"),
      allow("ai.djl.Device"),
      allow("ai.djl.util.Pair"),
      allow("ai.djl.util.PairList"),
      deny("ai.djl.pytorch.**", Reason.INTERNALS),
      deny("**", Reason.UNAVAILABLE));

  private ApiRules() {}

  /**
   * Why a cell may not use {@code member} of {@code className} (dotted; {@code member} null for the class
   * itself, {@code <init>} for a constructor), or empty if it may.
   */
  static Optional<Reason> refusal(String className, String member, String descriptor) {
    for (Rule rule : RULES) {
      if (rule.matches(className, member, descriptor)) return Optional.ofNullable(rule.reason());
    }
    return Optional.of(Reason.UNAVAILABLE);
  }
}
