package camlab.kernel.magic;

import java.util.List;

/** A {@code %name args} line handled by the kernel instead of the Java compiler. */
public interface LineMagic {

  String name();

  /** One line for %lsmagic and error messages, e.g. "%load FILE... — run a .jsh, .java or .ipynb file". */
  String usage();

  /**
   * @throws MagicError for problems the user can fix (missing file, bad argument)
   * @throws Exception for anything else; it is reported as a magic error too
   */
  void run(List<String> args, MagicContext ctx) throws Exception;
}
