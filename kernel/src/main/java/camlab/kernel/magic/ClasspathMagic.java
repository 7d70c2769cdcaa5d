package camlab.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code %classpath PATH...}: adds jars or class folders (globs allowed); alone, lists the class path. */
public final class ClasspathMagic implements LineMagic {
  @Override
  public String name() {
    return "classpath";
  }

  @Override
  public String usage() {
    return "%classpath PATH... — add jars or class folders (globs allowed) to the code that follows; alone: list the class path";
  }

  @Override
  public String valueType() {
    return "java.util.List<String>";
  }

  /** @return the paths added (alone: the whole class path) */
  @Override
  public Object run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) {
      ctx.classpath().forEach(p -> System.out.println(p));
      return ctx.classpath().stream().map(Path::toString).toList();
    }
    List<Path> added = new ArrayList<>();
    for (String arg : args) {
      List<Path> matches = PathGlobs.expand(arg, ctx.workingDirectory());
      if (matches.isEmpty()) {
        throw new MagicError("%classpath: nothing matches '" + arg + "' (relative paths start at " + ctx.workingDirectory() + ").");
      }
      added.addAll(matches);
    }
    ClasspathEntries.checkAll("%classpath", added);
    for (Path p : added) ctx.addToClasspath(p);
    System.out.println("Added to the class path: " + String.join(", ", added.stream().map(Path::toString).toList()));
    return added.stream().map(Path::toString).toList();
  }
}
