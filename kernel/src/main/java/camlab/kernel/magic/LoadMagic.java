package camlab.kernel.magic;

import camlab.kernel.eval.SourceOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %load FILE...}: runs JShell scripts ({@code .jsh}), Java sources ({@code .java}) and the code
 * cells of notebooks ({@code .ipynb}) as if their code were in the cell. A name without extension is tried
 * as given, then with {@code .jsh}, {@code .jshell}, {@code .java} and {@code .ipynb}.
 */
public final class LoadMagic implements LineMagic {
  private static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ipynb");
  /** A package declaration before any type: JShell has no packages, so it is blanked out. */
  private static final Pattern PACKAGE = Pattern.compile("\\A((?:\\s|//[^\\n]*\\n|/\\*(?s:.*?)\\*/)*)(package\\s+[\\w.]+\\s*;)");

  @Override
  public String name() {
    return "load";
  }

  @Override
  public String usage() {
    return "%load FILE... — run a .jsh or .java file, or the code cells of an .ipynb notebook";
  }

  @Override
  public Object run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) throw new MagicError("%load needs a file, e.g. %load helpers.jsh or %load ../utils/setup.ipynb");
    for (String arg : args) {
      Path file = find(arg, ctx.workingDirectory());
      if (file.getFileName().toString().endsWith(".ipynb")) {
        List<String> cells = NotebookCells.codeCells(file);
        for (int i = 0; i < cells.size(); i++) {
          ctx.runCell(cells.get(i), SourceOrigin.notebookCell(file, i + 1, ctx.executionCount()));
        }
      } else {
        String code = Files.readString(file);
        if (file.getFileName().toString().endsWith(".java")) code = withoutPackage(code);
        ctx.runCell(code, SourceOrigin.file(file, ctx.executionCount()));
      }
    }
    return null;
  }

  static Path find(String arg, Path cwd) throws MagicError {
    Path given = PathGlobs.resolve(arg, cwd);
    if (Files.isRegularFile(given)) return given;
    for (String ext : EXTENSIONS) {
      Path withExt = given.resolveSibling(given.getFileName() + ext);
      if (Files.isRegularFile(withExt)) return withExt;
    }
    throw new MagicError("%load: there is no file " + given + (given.getFileName().toString().contains(".") ? ""
        : " (also tried " + String.join(", ", EXTENSIONS) + ")") + ". Relative paths start at the notebook's folder, "
        + cwd + ".");
  }

  /** {@code code} with its package declaration replaced by spaces, so line and column numbers stay right. */
  static String withoutPackage(String code) {
    Matcher m = PACKAGE.matcher(code);
    if (!m.find()) return code;
    return code.substring(0, m.start(2)) + " ".repeat(m.end(2) - m.start(2)) + code.substring(m.end(2));
  }
}
