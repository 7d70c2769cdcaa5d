package camlab.kernel.install;

import java.util.Arrays;
import java.util.List;

/**
 * What one build of the kernel is called and how Jupyter starts it: the kernelspec's name and display name, the JVM
 * options written into kernel.json, and the class whose {@code main} runs the kernel. The plain kernel is one; a course
 * that ships the kernel with its extension is another ({@code java -jar} of its own jar, its own name and JVM flags).
 *
 * @param jvmArgs JVM options every kernel of this build needs (the user's {@code --jvm-opt}s come after them)
 * @param mainClass the class whose {@code main} calls {@code camlab.kernel.KernelMain.run}; its jar is what kernel.json starts
 */
public record Distribution(String name, String displayName, List<String> jvmArgs, Class<?> mainClass) {
  public Distribution {
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** {@code flags} as JVM options, split before each {@code -}, so a path with spaces inside a -D value stays whole. */
  public static List<String> splitJvmArgs(String flags) {
    String all = flags == null ? "" : flags.strip();
    return all.isEmpty() ? List.of() : Arrays.asList(all.split("\\s+(?=-)"));
  }
}
