package camlab.kernel.magic;

import java.util.List;

/** A {@code %name args} line handled by the kernel instead of the Java compiler. */
public interface LineMagic {

  String name();

  /** One line for %lsmagic and error messages, e.g. "%load FILE... — run a .jsh, .java or .ipynb file". */
  String usage();

  /**
   * The Java type of the magic's value, for IJava's inline form {@code List<String> added = %jars lib/*.jar}; null
   * when the magic gives no value.
   */
  default String valueType() {
    return null;
  }

  /**
   * @return the magic's value (see {@link #valueType()}), or null
   * @throws MagicError for problems the user can fix (missing file, bad argument)
   * @throws Exception for anything else; it is reported as a magic error too
   */
  Object run(List<String> args, MagicContext ctx) throws Exception;
}
