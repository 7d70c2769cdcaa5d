package camlab.kernel.magic;

import camlab.kernel.eval.CellFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel's line magics, by name. */
public final class Magics {
  private final Map<String, LineMagic> byName = new LinkedHashMap<>();

  public Magics(LineMagic... magics) {
    for (LineMagic m : magics) byName.put(m.name(), m);
  }

  public void add(LineMagic magic) {
    byName.put(magic.name(), magic);
  }

  public List<LineMagic> all() {
    return new ArrayList<>(byName.values());
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /**
   * Runs one magic line.
   *
   * @param where "line 2 of this cell", for error messages
   */
  public void run(String line, MagicContext ctx, String where) throws CellFailure {
    try {
      MagicLine magic = MagicLine.parse(line);
      if (magic.cellMagic()) {
        throw new MagicError("%%" + magic.name() + ": cell magics (%%name) are not supported by this kernel. Line magics: "
            + known() + ".");
      }
      LineMagic m = byName.get(magic.name());
      if (m == null) {
        throw new MagicError("%" + magic.name() + " is not a magic of this kernel. Known magics: " + known()
            + ". (A line that starts with % in its first column is a magic.)");
      }
      try {
        m.run(magic.args(), ctx);
      } catch (CellFailure f) {
        throw f;
      } catch (Exception e) {
        throw new MagicError("%" + m.name() + " failed: " + e);
      }
    } catch (MagicError e) {
      throw e.at(where, line);
    }
  }

  private String known() {
    return String.join(", ", byName.keySet().stream().map(n -> "%" + n).toList());
  }
}
